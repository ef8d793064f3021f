"""Redacting a record: the passage goes, the log says who, when, what kind of thing and why.

redact(record, passage="Nurse Jones", removed="a nurse's name", reason="Names a person",
       by=request.user)
"""

from django.db import transaction
from django.utils.translation import gettext as _

from coproduction.models import Insight, InsightRedaction
from coproduction.models.insight import REDACTED


class RedactionError(ValueError):
    pass


def redact(record, *, passage, removed, reason, by=None):
    """Replace every occurrence of ``passage`` in ``record``'s text with ``[redacted]`` and
    log it (the passage itself is kept nowhere). Raises :class:`RedactionError` when the text
    does not contain it."""
    passage = passage.strip()
    with transaction.atomic():
        locked = Insight.objects.select_for_update().get(pk=record.pk)
        if not passage or passage not in locked.text:
            raise RedactionError(_("The text does not contain that passage. Copy it exactly."))
        characters = len(passage) * locked.text.count(passage)
        locked.text = locked.text.replace(passage, REDACTED)
        locked.save(update_fields=["text", "updated_at"])
        InsightRedaction.objects.create(
            insight=locked, by=by, removed=removed, reason=reason, characters=characters
        )
    record.text = locked.text
    return locked
