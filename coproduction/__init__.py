"""Assemblies and the co-production charter."""
