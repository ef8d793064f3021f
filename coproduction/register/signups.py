"""Sign-ups taken by staff, by phone or on paper.

One person per email address: a sign-up with an address already on the register adds to
that person (their places, topics, roles and the consents given) and fills in the details
they had not given, rather than making a second record. The person is noted as recorded by
the staff member, and every consent as given by phone or on paper, recorded by them, with
the words they read out (the current version).
"""

from django.db import IntegrityError, transaction
from wagtail.log_actions import log

from coproduction.models import Person

from .consent import set_consent
from .history import SIGNUP_ACTION
from .postcodes import place_for_postcode


def record_signup(form, *, by):
    """Save a valid ``SignupForm``; return ``(person, created)``."""
    data = form.cleaned_data
    method = data["method"]
    with transaction.atomic():
        existing = _known(data["email"])
        if existing is None:
            try:
                with transaction.atomic():
                    person = _create(form, method, by)
            except IntegrityError:
                # The same address arrived at the same moment (another sign-up): add to it.
                existing = _known(data["email"])
                if existing is None:
                    raise
        if existing is not None:
            person = _update(existing, form)
        for purpose in data["consents"]:
            set_consent(person, purpose, True, method=method, recorded_by=by)
        log(person, SIGNUP_ACTION, user=by, data={"method": method, "updated": bool(existing)})
    return person, existing is None


def _known(email):
    """The person already on the register with ``email`` (locked), if any."""
    if not email:
        return None
    return Person.objects.select_for_update().filter(email=email).first()


def _create(form, method, by):
    person = form.save(commit=False)
    person.source = method
    person.recorded_by = by
    person.save()
    form.save_m2m()
    return person


def _update(person, form):
    """Add what the sign-up says to ``person``, keeping what they had told us before."""
    data = form.cleaned_data
    for name in form.Meta.fields:
        value = data.get(name)
        if name in ("places", "topics"):
            getattr(person, name).add(*value)
        elif name == "communication_support":
            person.communication_support = list(
                dict.fromkeys([*person.communication_support, *value])
            )
        elif name.startswith("contact_by_"):
            setattr(person, name, getattr(person, name) or value)
        elif value and not getattr(person, name):
            setattr(person, name, value)
    if person.postcode and person.home_place is None:
        person.home_place = place_for_postcode(person.postcode)
    person.save()
    form.instance = person
    form.save_roles(replace=False)
    return person
