"""Persistence: keys, encrypted case files, the workspace index, schema versions, the audit log, atomic writes."""
