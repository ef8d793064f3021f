"""Whether the surveys plugin is on where a page lives: the admin's buttons on survey and
consultation pages are offered only there (their screens answer 404 elsewhere)."""

from chorus.plugins import is_enabled


def surveys_on_for(page):
    """Whether surveys is on for the site ``page`` belongs to."""
    site = page.get_site()
    return site is not None and is_enabled("surveys", site)
