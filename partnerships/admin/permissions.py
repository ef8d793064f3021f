"""Who keeps which register: the secretaries' groups, and superusers who keep them all."""

from ..models import MemberClass, MemberRegister, Membership


def kept_registers(user):
    """The registers ``user`` is a secretary of (every register, for a superuser)."""
    if not user.is_authenticated or not user.is_active:
        return MemberRegister.objects.none()
    registers = MemberRegister.objects.select_related("site").order_by("site__site_name", "pk")
    if user.is_superuser:
        return registers
    return registers.filter(secretaries__user=user)


def is_secretary(user):
    """Whether ``user`` keeps at least one register (superusers always do)."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or kept_registers(user).exists()


def kept_memberships(user):
    """Memberships on the registers ``user`` keeps."""
    return Membership.objects.filter(register__in=kept_registers(user)).select_related(
        "user", "member_class", "register__site"
    )


def kept_classes(user):
    """Member classes of the registers ``user`` keeps."""
    return MemberClass.objects.filter(register__in=kept_registers(user)).select_related(
        "register__site"
    )
