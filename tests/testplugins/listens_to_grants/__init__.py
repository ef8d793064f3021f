"""A test plugin that listens to the grants plugin's hook without requiring grants."""
