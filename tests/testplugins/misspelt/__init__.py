"""A test plugin whose hook name is misspelt: building a manager with it must fail."""
