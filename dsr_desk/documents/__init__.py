"""What the product produces: PDF letters and sheets, masked ID copies, exports, the case archive."""
