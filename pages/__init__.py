"""General pages: the standard content page for About, accessibility, privacy and contact."""
