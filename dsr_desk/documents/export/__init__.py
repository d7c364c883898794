"""The export for the person (access copy or portability) as one ZIP, optionally AES-256 encrypted."""
