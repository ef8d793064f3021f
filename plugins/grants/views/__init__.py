"""The grants plugin's public and per-person views, one module per audience."""
