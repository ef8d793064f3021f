"""Joining the register by double opt-in: a sign-up waits until its email link is opened and
confirmed, then creates or updates the one person with that email address.

    sign_up = start(form, site=site, language="pl")  # stores it, emails the link
    person = confirm(sign_up, user=request.user)      # None if it was confirmed already

Confirming is safe to run many times at once: the sign-up is claimed by one conditional
update, the person is found or created against the unique email constraint, and every change
to them is made holding their row's lock, so simultaneous sign-ups for one address make one
person and one set of consents. Joining again only adds (places, topics, roles, consents)
and updates details and needs; saying no is done from the person's own page.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Site

from chorus.common.site_urls import site_url
from chorus.support.needs import Support
from coproduction.models import (
    ConsentWording,
    Demographics,
    Method,
    Person,
    PersonRole,
    Purpose,
    SignUp,
    Topic,
    normalise_email,
)
from coproduction.models.signup import hash_token
from partnerships.models import PartnershipHomePage

from .categories import DIMENSIONS
from .consent import set_consent
from .links import preferences_url
from .postcodes import place_for_postcode

#: The answers copied as they are from the form to ``SignUp.answers`` and on to the person.
DETAILS = (
    "name",
    "lived_experience",
    "phone",
    "postal_address",
    "postcode",
    "language",
    "format",
    "communication_support",
    "interpreter_language",
    "other_access_needs",
)
#: Details a later sign-up replaces only when it gives them (an empty answer keeps the old).
KEEP_IF_BLANK = ("name", "lived_experience", "phone", "postal_address", "postcode")


def _stored_wording(wording):
    """The saved row for a wording that was shown (an unsaved default is saved now)."""
    if wording.pk is not None:
        return wording
    stored, _created = ConsentWording.objects.get_or_create(
        purpose=wording.purpose, version=wording.version, defaults={"text": wording.text}
    )
    return stored


def answers_from(form):
    """What ``form`` (valid) says, as JSON for ``SignUp.answers``.

    Equality answers are kept only when equality monitoring was agreed to.
    """
    data = form.cleaned_data
    agreed = form.agreed()
    answers = {name: data[name] for name in DETAILS}
    if Support.SPOKEN_LANGUAGE not in data["communication_support"]:
        answers["interpreter_language"] = ""  # typed, then the interpreter was unticked
    answers.update(
        places=[page.pk for page in data["places"]],
        topics=[topic.pk for topic in data["topics"]],
        roles=list(data["roles"]),
        contact=list(data["contact"]),
        consents={purpose.value: _stored_wording(form.wordings[purpose]).pk for purpose in agreed},
        demographics=(form.equality_answers() if Purpose.EQUALITY_MONITORING in agreed else {}),
    )
    return answers


def start(form, *, site, language):
    """Store a sign-up from the valid join ``form`` and email its confirmation link."""
    sign_up = SignUp(
        email=form.cleaned_data["email"],
        answers=answers_from(form),
        site=site,
        language=language,
    )
    token = sign_up.new_token()
    with transaction.atomic():
        sign_up.save()
        send_confirmation(sign_up, token)
    return sign_up


def send_fresh_link(sign_up):
    """Replace ``sign_up``'s (expired) link with a new one and email it."""
    token = sign_up.new_token()
    with transaction.atomic():
        sign_up.save(update_fields=["token_hash", "sent_at"])
        send_confirmation(sign_up, token)


def forget_unconfirmed(older_than):
    """Delete sign-ups never confirmed whose link was sent more than ``older_than`` (a
    ``timedelta``) ago; return how many."""
    stale = SignUp.objects.filter(
        confirmed_at__isnull=True, sent_at__lt=timezone.now() - older_than
    )
    return stale.delete()[0]


def export_sign_ups(email):
    """The sign-ups made with ``email``, for a personal-data export (answers included while
    waiting; a confirmed one holds only when it was made and confirmed)."""
    return [
        {
            "signed_up": sign_up.created_at.isoformat(),
            "confirmed": sign_up.confirmed_at.isoformat() if sign_up.confirmed_at else None,
            "answers": sign_up.answers,
        }
        for sign_up in SignUp.objects.filter(email=normalise_email(email)).order_by("pk")
    ]


def erase_sign_ups(email):
    """Delete every sign-up made with ``email`` (personal-data erasure); return how many."""
    return SignUp.objects.filter(email=normalise_email(email)).delete()[0]


def find(token):
    """The sign-up a link's ``token`` was made for, or ``None`` for a link we did not send."""
    return SignUp.objects.filter(token_hash=hash_token(token)).first()


def _site(sign_up):
    return sign_up.site or Site.objects.filter(is_default_site=True).first()


def _render(name, context):
    subject = render_to_string(f"coproduction/register/email/{name}_subject.txt", context)
    body = render_to_string(f"coproduction/register/email/{name}_body.txt", context)
    return " ".join(subject.split()), body


def send_confirmation(sign_up, token):
    """Email the link that confirms ``sign_up``, in the language the person chose. Someone
    already on the register also gets the link to their own page."""
    site = _site(sign_up)
    person = existing_person(sign_up.email)
    with translation.override(sign_up.answers.get("language") or sign_up.language):
        context = {
            "confirm_url": site_url(site, reverse("involvement:confirm", args=[token])),
            "days": settings.CHORUS_REGISTER_LINK_LIFETIME.days,
            "site_name": site.site_name or site.hostname,
            "preferences_url": preferences_url(person, site) if person else "",
        }
        subject, body = _render("confirm", context)
    EmailMessage(subject, body, None, [sign_up.email]).send()


def send_welcome(person, site):
    """Tell ``person`` they are on the register, with the link to their own page."""
    with translation.override(person.language):
        context = {
            "person": person,
            "site_name": site.site_name or site.hostname,
            "preferences_url": preferences_url(person, site),
            "roles": [role.get_role_display() for role in person.roles.all()],
        }
        subject, body = _render("welcome", context)
    EmailMessage(subject, body, None, [person.email]).send()


def existing_person(email):
    """The person on the register with ``email`` (following merges), or ``None``."""
    person = Person.objects.filter(email=normalise_email(email)).first()
    while person is not None and person.status == Person.Status.MERGED and person.merged_into:
        person = person.merged_into
    return person


def _person_for(email):
    """The person with ``email``, created if there is none, locked for this transaction."""
    person = existing_person(email)
    if person is None:
        try:
            with transaction.atomic():
                person = Person.objects.create(email=email, source=Person.Source.WEB)
        except IntegrityError:  # created at the same moment by another confirmation
            person = existing_person(email)
    return Person.objects.select_for_update().get(pk=person.pk)


def confirm(sign_up, user=None):
    """Put ``sign_up``'s person on the register; ``None`` when it was confirmed already.

    ``user`` (the signed-in account, if any) is linked to the person when its email address
    is theirs and neither is linked yet.
    """
    with transaction.atomic():
        claimed = SignUp.objects.filter(pk=sign_up.pk, confirmed_at__isnull=True).update(
            confirmed_at=timezone.now()
        )
        if not claimed:
            return None
        person = _person_for(sign_up.email)
        _apply(person, sign_up.answers)
        _link_account(person, user)
        # The answers now live on the person (equality answers only in ``Demographics``,
        # under its permission); the sign-up keeps only when and for whom it was confirmed.
        SignUp.objects.filter(pk=sign_up.pk).update(person=person, answers={})
        send_welcome(person, _site(sign_up))
    return person


def _apply(person, answers):
    """Add ``answers`` to ``person`` (locked): details, needs, choices and consents."""
    for name in DETAILS:
        value = answers.get(name, getattr(person, name))
        if value or name not in KEEP_IF_BLANK:
            setattr(person, name, value)
    if answers.get("postcode"):
        person.home_place = place_for_postcode(answers["postcode"]) or person.home_place
    contact = answers.get("contact", [])
    for method in ("email", "phone", "text", "post"):
        setattr(person, f"contact_by_{method}", method in contact)
    if person.status == Person.Status.LEFT:
        person.status = Person.Status.ACTIVE
    person.save()
    person.places.add(*PartnershipHomePage.objects.filter(pk__in=answers.get("places", [])))
    person.topics.add(*Topic.objects.filter(pk__in=answers.get("topics", [])))
    for role in answers.get("roles", []):
        PersonRole.objects.get_or_create(person=person, role=role)
    for purpose, wording_pk in answers.get("consents", {}).items():
        wording = ConsentWording.objects.filter(pk=wording_pk, purpose=purpose).first()
        set_consent(person, purpose, True, method=Method.WEB, wording=wording)
    demographics = answers.get("demographics") or {}
    if demographics and Purpose.EQUALITY_MONITORING in answers.get("consents", {}):
        Demographics.objects.update_or_create(
            person=person, defaults={name: demographics.get(name, "") for name in DIMENSIONS}
        )


def _link_account(person, user):
    if user is None or not user.is_authenticated or person.user_id is not None:
        return
    if normalise_email(user.email) != person.email:
        return
    if not Person.objects.filter(user=user).exists():
        Person.objects.filter(pk=person.pk).update(user=user)
        person.user = user
