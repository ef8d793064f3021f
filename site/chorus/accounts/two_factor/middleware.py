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

    Only ``/admin/`` is guarded: signing in on the public site gives no admin access
    without the code.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Redirect, or let the view run."""
        if not policy.is_offered() or not request.path.startswith(reverse("wagtailadmin_home")):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if request.resolver_match.url_name in OPEN_SCREENS:
            return None
        if devices.has_app(user):
            return _to("chorus_two_factor_verify", request)
        if policy.is_required_for(user):
            return _to("chorus_two_factor_set_up", request)
        return None


def _to(url_name, request):
    """A redirect to a two-factor screen that comes back to this page afterwards."""
    query = urlencode({"next": request.get_full_path()})
    return redirect(f"{reverse(url_name)}?{query}")
