"""Partner organisations, partnership home pages and partner spotlights."""
