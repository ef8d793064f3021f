"""A frontend cache (CDN) for tests: it records the URLs it is asked to purge."""

from wagtail.contrib.frontend_cache.backends import BaseBackend

PURGED: list[str] = []
"""Every URL purged since the list was last cleared, in order."""


class RecordingBackend(BaseBackend):
    """A frontend-cache backend that records the URLs it is asked to purge."""

    def purge(self, url):
        PURGED.append(url)


#: ``WAGTAILFRONTENDCACHE`` for a test that watches purges.
RECORDING = {"recorder": {"BACKEND": f"{__name__}.RecordingBackend"}}
