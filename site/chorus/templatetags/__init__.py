"""Template tags for the project-wide templates in ``site/templates``."""
