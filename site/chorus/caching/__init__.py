"""Caching of anonymous pages: the server's own copy, Cache-Control headers for a CDN, and
the content generation and purges that keep both in step with content."""
