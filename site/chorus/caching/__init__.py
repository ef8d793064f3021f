"""Caching of anonymous pages: Cache-Control headers and purging the listings that show a page."""
