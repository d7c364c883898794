"""The guided identity check and the redaction editor for masked ID copies."""
