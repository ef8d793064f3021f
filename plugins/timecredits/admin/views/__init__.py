"""The time-credits admin's own screens (schemes and offers are viewsets)."""
