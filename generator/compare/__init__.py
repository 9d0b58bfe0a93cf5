"""The earlier text against the later: alignment, word redlines and the kinds of change."""
