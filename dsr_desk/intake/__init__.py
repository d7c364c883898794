"""What comes in: files exported by the organisation's other systems, read safely."""
