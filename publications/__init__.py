"""Publications: a resource library of documents in several formats, and committee meetings."""
