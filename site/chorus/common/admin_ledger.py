"""The shared shape of a ledger's listing in the admin (grants' payments, time credits' ledger).

A ledger's rows are never edited or deleted, so its listing is read-only. Its staff hold no
Django model permissions: a mixin placed before :class:`LedgerIndexView` decides who enters.
"""

from django.utils.functional import cached_property
from wagtail.admin.views import generic


def person_name(user, nobody=""):
    """How the listing names who recorded a row: full name, else username; ``nobody`` if none."""
    if user is None:
        return nobody
    return user.get_full_name().strip() or user.get_username()


class LedgerIndexView(generic.IndexView):
    """A ledger's rows, 50 to a page in a stable order, with no edit links.

    Subclasses set ``model``, ``filterset_class``, ``default_ordering``, ``page_title``,
    ``columns``, and the two messages shown when there are no rows:
    ``no_rows_message`` (nothing recorded yet) and ``no_matches_message`` (the filters
    match nothing).
    """

    # Who may enter is decided by the plugin's mixin, not by model permissions.
    permission_policy = None
    any_permission_required = None
    header_icon = "list-ul"
    paginate_by = 50
    no_rows_message = ""
    no_matches_message = ""

    def order_queryset(self, queryset):
        # A tie-breaker, so that pages never repeat or skip a row.
        queryset = super().order_queryset(queryset)
        return queryset.order_by(*queryset.query.order_by, "-pk")

    def get_edit_url(self, instance):
        return None  # ledger rows are never edited

    @cached_property
    def no_results_message(self):
        return self.no_matches_message if self.is_filtering else self.no_rows_message
