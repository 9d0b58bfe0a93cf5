"""What editors write under annotations/, read and validated against the texts."""
