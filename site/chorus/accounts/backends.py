"""Sign in with an email address, in any letter case; refuse accounts locked out."""

from axes.backends import AxesStandaloneBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class SignInThrottleBackend(AxesStandaloneBackend):
    """django-axes's check, first in ``AUTHENTICATION_BACKENDS``: a sign-in for an account
    and address that are locked out is refused before any password is checked.

    Authentication without a request (the test client's ``login``, a management command)
    has no client to throttle, so it is left to the next backends.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        """Refuse a locked-out sign-in (by raising ``PermissionDenied``); else pass."""
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class EmailBackend(ModelBackend):
    """Authenticate a person by their email address and password.

    Sits before Django's ``ModelBackend`` in ``AUTHENTICATION_BACKENDS``, which still signs
    staff in to the Wagtail admin by username. Identifiers without an ``@`` are left to it.
    Two accounts can share an address when staff made one in the admin; the password decides.
    """

    def authenticate(self, request, username=None, password=None, email=None, **kwargs):
        """Return the active user whose email address is ``email`` (or ``username``)."""
        identifier = (email or username or "").strip()
        if "@" not in identifier or password is None:
            return None
        candidates = list(get_user_model().objects.filter(email__iexact=identifier).order_by("pk"))
        if not candidates:
            # Hash anyway, so that an unknown address takes as long as a wrong password.
            get_user_model()().set_password(password)
            return None
        for user in candidates:
            if user.check_password(password) and self.user_can_authenticate(user):
                return user
        return None
