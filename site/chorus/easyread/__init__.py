"""Easy Read versions of pages: pictures beside short sentences, in large type, linked both
ways with the page they explain (see docs/easy-read.md)."""
