"""Persistence: keys, encrypted case files, the workspace index, schema versions, audit log, atomic writes."""
