"""Who is asked for a code at the admin, from the ``CHORUS_STAFF_2FA`` setting.

- ``off``: nobody; the account screen offers nothing.
- ``optional`` (the default): staff who set up an app from their account settings are asked
  for a code at every new admin session; nobody has to.
- ``required``: as optional, and superusers and staff who can see other people's personal
  data (:func:`chorus.plugins.personal_data.sees_personal_data`) must set up an app before
  they can use the admin.
"""

from django.conf import settings

from chorus.plugins.personal_data import sees_personal_data

from . import devices

OFF, OPTIONAL, REQUIRED = "off", "optional", "required"


def mode():
    """The setting in force: ``off``, ``optional`` or ``required``."""
    return settings.CHORUS_STAFF_2FA


def is_offered():
    """Whether staff may set up two-factor sign-in at all."""
    return mode() != OFF


def is_required_for(user):
    """Whether ``user`` must use two-factor sign-in for the admin."""
    return mode() == REQUIRED and sees_personal_data(user)


def owes_code(request):
    """Whether this session must pass two-factor before using staff powers: the person has
    set up an app, or must have one, and has not entered a code since signing in.

    The admin is guarded by the middleware; a view outside it that also serves staff (a
    grant application's files) asks this before using the staff member's role.
    """
    user = request.user
    if not is_offered() or not user.is_authenticated or user.is_verified():
        return False
    return devices.has_app(user) or is_required_for(user)
