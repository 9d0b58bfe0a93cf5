"""The texts: sources/sources.yml and the files it names, parsed, normalised and collated."""
