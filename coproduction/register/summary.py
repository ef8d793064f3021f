"""A sign-up's answers as rows to read back before confirming (``check_answers.Answer``)."""

from django.conf import settings
from django.utils.translation import gettext as _

from chorus.common.check_answers import Answer
from chorus.support.needs import Format, Support, labels
from coproduction.models import Purpose, Role, Topic
from partnerships.models import PartnershipHomePage

from .join_forms import CONTACT_METHODS


def _list(values):
    return "\n".join(str(value) for value in values) or _("Not given")


def summary(answers, email):
    """What the person chose, question by question (equality answers only as "given")."""
    places = PartnershipHomePage.objects.filter(pk__in=answers.get("places", [])).order_by("title")
    topics = Topic.objects.filter(pk__in=answers.get("topics", []))
    contact = dict(CONTACT_METHODS)
    rows = [
        (_("Email address"), email),
        (_("Name"), answers.get("name") or _("Not given")),
        (_("Places and partnerships"), _list(page.title for page in places)),
        (_("Topics"), _list(topic.name for topic in topics)),
        (_("How you take part"), _list(Role(role).label for role in answers.get("roles", []))),
        (_("How to contact you"), _list(contact[code] for code in answers.get("contact", []))),
        (_("Language"), dict(settings.LANGUAGES).get(answers.get("language"), "")),
        (
            _("Format"),
            _list(labels(Format, [answers["format"]])) if answers.get("format") else _("Standard"),
        ),
        (
            _("Communication support"),
            _list(labels(Support, answers.get("communication_support", []))),
        ),
        (
            _("What we may contact you about"),
            _list(Purpose(purpose).label for purpose in answers.get("consents", {})),
        ),
    ]
    if answers.get("demographics"):
        rows.append((_("Equality monitoring"), _("Answered; kept apart from your name")))
    return [Answer(label=str(label), value=str(value)) for label, value in rows]
