"""The voting plugin's Chorus hook implementations.

Called only for sites where voting is on (personal data excepted: that covers every
site), so none of them checks enablement.
"""

from plugins.manager import hookimpl


@hookimpl
def chorus_register_urls():
    """Serve ballots, receipts and proposals at ``/plugins/voting/``."""
    from .urls import urlpatterns

    return urlpatterns
