"""Sources and annotations -> Markdown pages for the annotated Shijiazhuang Digital Economy Promotion Regulation."""
