"""Settings for Chorus, split into base, dev, production and test."""
