"""Test support that ships with Chorus, for plugin authors: the ``chorus`` pytest plugin."""
