"""Pure rules: values and decisions without I/O or Qt (LEGAL.md is their reference)."""
