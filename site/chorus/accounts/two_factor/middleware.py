"""Send staff who owe a code to the two-factor screens before any other admin screen."""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from . import devices, policy

#: Admin screens anyone signed in may reach without a code: signing in and out, the admin's
#: icons and translations (which the two-factor screens use), and those screens themselves.
OPEN_SCREENS = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "chorus_two_factor_verify",
    "chorus_two_factor_set_up",
}


class StaffTwoFactorMiddleware:
    """For every admin URL, a signed-in person whose session has not passed two-factor is
    sent to enter a code if they have set up an app, or to set one up if they must
    (:func:`.policy.is_required_for`). Needs django-otp's ``OTPMiddleware`` before it.

    Every ``/admin/`` URL is guarded, so signing in on the public site gives no admin access
    without the code; a view outside the admin that serves staff asks
    :func:`.policy.owes_code` itself.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Redirect, or let the view run."""
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return None
        if request.resolver_match.url_name in OPEN_SCREENS or not policy.owes_code(request):
            return None
        return to_two_factor(request)


def to_two_factor(request):
    """A redirect to enter a code (or to set up an app, for someone who must and has none)
    that comes back to this page afterwards."""
    screen = (
        "chorus_two_factor_verify" if devices.has_app(request.user) else "chorus_two_factor_set_up"
    )
    query = urlencode({"next": request.get_full_path()})
    return redirect(f"{reverse(screen)}?{query}")
