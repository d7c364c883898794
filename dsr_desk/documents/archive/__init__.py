"""The case archive: one self-verifying ZIP per case, for the organisation's records and the AP."""
