"""What happens to a membership: applying, approval, declining, lapsing, reinstating, leaving.

These functions are the only code that changes a membership's status. Each move is a
conditional update (it happens only from the status it expects, so two secretaries
deciding at once cannot both succeed) and is recorded as a :class:`MembershipEvent`.
Anything not allowed raises :class:`MembershipError` with a message for the person.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import MemberRegister, Membership, MembershipEvent

Status = Membership.Status


class MembershipError(Exception):
    """A membership change that is not allowed; ``str()`` is a message for the person."""


def register_for(site):
    """The register of members of ``site``, or ``None`` if the site keeps none."""
    if site is None:
        return None
    return MemberRegister.objects.filter(site=site).select_related("site").first()


def current_membership(register, user):
    """``user``'s applied, active or lapsed membership of ``register``, or ``None``."""
    if register is None or not user.is_authenticated:
        return None
    return (
        Membership.objects.current()
        .filter(register=register, user=user)
        .select_related("member_class", "register__site")
        .first()
    )


def apply(register, user, member_class, statement="", language=""):
    """Record ``user``'s application to join ``register`` in ``member_class``.

    ``language`` is the one they applied in; the co-op's emails to them are written in it.
    """
    if not register.open_for_applications:
        raise MembershipError(_("This register is not taking applications at the moment."))
    if member_class.register_id != register.pk or not member_class.open_to_applications:
        raise MembershipError(_("Choose one of the member classes offered on this form."))
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                register=register,
                user=user,
                member_class=member_class,
                statement=statement,
                language=language,
            )
            _record(membership, Status.APPLIED, user)
    except IntegrityError:
        raise MembershipError(
            _("You have already applied to join, or are already a member.")
        ) from None
    return membership


def approve(membership, by, joined_on=None):
    """Make an application an active membership, with the register's next number."""
    with transaction.atomic():
        # The register row is the lock that hands out numbers one at a time.
        register = MemberRegister.objects.select_for_update().get(pk=membership.register_id)
        number = (register.memberships.aggregate(top=Max("number"))["top"] or 0) + 1
        now = timezone.now()
        changed = Membership.objects.filter(pk=membership.pk, status=Status.APPLIED).update(
            status=Status.ACTIVE,
            number=number,
            joined_on=joined_on or timezone.localdate(now),
            activated_at=now,
            decided_by=by,
        )
        if not changed:
            raise MembershipError(_("This application has already been decided."))
        membership.refresh_from_db()
        _record(membership, Status.ACTIVE, by)
    return membership


def decline(membership, by, reason):
    """Decline an application, with the reason the applicant is told."""
    reason = (reason or "").strip()
    if not reason:
        raise MembershipError(_("Say why the application is declined: the applicant is told."))
    return _move(
        membership,
        by,
        frm=(Status.APPLIED,),
        to=Status.DECLINED,
        note=reason,
        refused=_("This application has already been decided."),
        decline_reason=reason,
        decided_by=by,
    )


def lapse(membership, by, note=""):
    """Mark an active membership lapsed (for example, a subscription unpaid)."""
    return _move(
        membership,
        by,
        frm=(Status.ACTIVE,),
        to=Status.LAPSED,
        note=note,
        refused=_("Only an active membership can lapse."),
    )


def reinstate(membership, by, note=""):
    """Make a lapsed membership active again; its number and join date are kept."""
    return _move(
        membership,
        by,
        frm=(Status.LAPSED,),
        to=Status.ACTIVE,
        note=note,
        refused=_("Only a lapsed membership can be reinstated."),
        activated_at=timezone.now(),
    )


def leave(membership, by, left_on=None, note=""):
    """End an active or lapsed membership; the row stays on the register as "left"."""
    return _move(
        membership,
        by,
        frm=(Status.ACTIVE, Status.LAPSED),
        to=Status.LEFT,
        note=note,
        refused=_("This membership has already ended."),
        left_on=left_on or timezone.localdate(),
    )


def in_their_language(membership):
    """Translate what is written to ``membership``'s holder into the language they use.

    Links reversed inside carry that language's prefix (``/pl/members/``). The site's
    default language when they gave none, or one the site no longer offers.
    """
    language = membership.language if membership is not None else ""
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    return translation.override(language)


def _move(membership, by, *, frm, to, note, refused, **fields):
    with transaction.atomic():
        changed = Membership.objects.filter(pk=membership.pk, status__in=frm).update(
            status=to, **fields
        )
        if not changed:
            raise MembershipError(refused)
        membership.refresh_from_db()
        _record(membership, to, by, note)
    return membership


def _record(membership, status, by, note=""):
    MembershipEvent.objects.create(
        membership=membership,
        status=status,
        by=by if by is not None and by.is_authenticated else None,
        note=note,
    )
