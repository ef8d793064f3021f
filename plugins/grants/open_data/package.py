"""A 360Giving data package: the grants and the metadata the package schema describes.

The package schema requires only ``grants`` (at least one); it recommends saying which
version of the standard the data follows, what the package is, who published it, when,
where it can be found and under which licence. Chorus fills all of these.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.utils import timezone

from .records import datetime_string

#: The version of the 360Giving Data Standard the records follow (major.minor).
STANDARD_VERSION = "1.4"
#: 360Giving asks for an open licence; set ``CHORUS_GRANTS_OPEN_DATA_LICENSE`` to change it.
DEFAULT_LICENSE = "https://creativecommons.org/licenses/by/4.0/"


def license_url() -> str:
    """Return the licence the data is published under (Creative Commons BY 4.0 by default)."""
    return getattr(settings, "CHORUS_GRANTS_OPEN_DATA_LICENSE", DEFAULT_LICENSE)


def data_package(
    grants,
    *,
    title,
    description,
    identifier,
    publisher,
    access_url="",
    download_url="",
    now=None,
):
    """Return a package (a dict ready for JSON) holding ``grants``.

    ``publisher`` is ``{"name": ..., "website": ...}``. ``modified`` is when the newest
    grant changed; ``issued`` is now. A package with no grants is returned as one (so a
    programme that has not awarded yet still answers), but it is not valid 360Giving data
    until the first grant: the standard requires at least one.
    """
    grants = list(grants)
    issued = datetime_string(now or timezone.now())
    modified = max(
        (grant["dateModified"] for grant in grants),
        key=datetime.fromisoformat,  # offsets differ across summer time: compare moments
        default=issued,
    )
    package = {
        "version": STANDARD_VERSION,
        "title": str(title),
        "description": str(description),
        "identifier": identifier,
        "issued": issued,
        "modified": modified,
        "publisher": {key: value for key, value in publisher.items() if value},
        "license": license_url(),
    }
    if access_url:
        package["accessURL"] = access_url
    if download_url:
        package["downloadURL"] = download_url
    package["grants"] = grants
    return package
