"""The checks `python -m generator check` runs beyond validation: the translations and the edition's content rules."""
