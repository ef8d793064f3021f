"""A test plugin that needs the ``events`` plugin and records every hook call it receives."""
