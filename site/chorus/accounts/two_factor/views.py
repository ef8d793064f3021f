"""The two-factor screens in the admin: set up an app, enter a code, the account's
"Two-step verification" screen (turn it off, new backup codes, move to a new phone), and a
superuser's reset of someone else's (Settings → Users, a person's "More" menu).
"""

from urllib.parse import urlencode

import django_otp
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView, TemplateView
from django_otp.plugins.otp_static.models import StaticDevice
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..redirects import safe_next
from . import devices, policy
from .forms import CodeForm

#: The session key holding the secret of an app being set up, until a code confirms it.
NEW_SECRET = "chorus_two_factor_new_secret"


def _next_url(request):
    """Where to go once the code is accepted: ``next`` if it stays on this site, else the
    admin's home."""
    candidate = request.POST.get("next") or request.GET.get("next")
    return safe_next(request, candidate) or reverse("wagtailadmin_home")


def _with_next(url_name, request):
    """The address of a two-factor screen, carrying ``next`` along."""
    url = reverse(url_name)
    next_url = safe_next(request, request.GET.get("next") or request.POST.get("next"))
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


class TwoFactorView(WagtailAdminTemplateMixin):
    """Shared by the screens: 404 when two-factor is off; never cached; codes kept out of
    error reports."""

    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        if not policy.is_offered():
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    @classmethod
    def as_view(cls, **initkwargs):
        return never_cache(sensitive_post_parameters("code")(super().as_view(**initkwargs)))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["next"] = safe_next(
            self.request, self.request.POST.get("next") or self.request.GET.get("next")
        )
        return context


def _backup_codes_page(view, codes):
    """Show new backup codes, once: they are not shown again."""
    view.template_name = "accounts/two_factor/backup_codes.html"
    return view.render_to_response(
        view.get_context_data(codes=codes, continue_url=_next_url(view.request))
    )


class SetUpView(TwoFactorView, FormView):
    """Show a new secret as a QR code and a key; a code from the app confirms it.

    Open to someone who has no app yet, or whose session has passed two-factor (to move to
    a new phone). The secret stays in the session until confirmed, so looking saves nothing.
    """

    page_title = gettext_lazy("Set up two-step verification")
    template_name = "accounts/two_factor/set_up.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if policy.is_offered() and devices.has_app(user) and not user.is_verified():
            return redirect(_with_next("chorus_two_factor_verify", request))
        return super().dispatch(request, *args, **kwargs)

    def secret(self):
        """This session's new secret, made on first use."""
        session = self.request.session
        if NEW_SECRET not in session:
            session[NEW_SECRET] = devices.new_secret()
        return session[NEW_SECRET]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            qr_svg=devices.qr_svg(user, self.secret()),
            key=devices.readable_key(self.secret()),
            required=policy.is_required_for(user),
        )
        return context

    def form_valid(self, form):
        step = devices.matching_step(self.secret(), devices.normalised(form.cleaned_data["code"]))
        if step is None:
            form.add_error(
                "code",
                _(
                    "That code is not right. Enter the six digits your app shows now, and "
                    "check that your phone's clock is right."
                ),
            )
            return self.form_invalid(form)
        app, codes = devices.confirm_app(self.request.user, self.secret(), step)
        del self.request.session[NEW_SECRET]
        django_otp.login(self.request, app)
        messages.success(self.request, _("Two-step verification is on for your account."))
        return _backup_codes_page(self, codes)


class VerifyView(TwoFactorView, FormView):
    """Ask for a code from the app, or a backup code; throttled per device by django-otp."""

    page_title = gettext_lazy("Enter your code")
    template_name = "accounts/two_factor/verify.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if policy.is_offered() and user.is_verified():
            return redirect(_next_url(request))
        if policy.is_offered() and not devices.has_app(user):
            if policy.is_required_for(user):
                return redirect(_with_next("chorus_two_factor_set_up", request))
            return redirect(_next_url(request))
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        user = self.request.user
        try:
            device = devices.device_accepting(user, form.cleaned_data["code"])
        except devices.TooManyTries as wait:
            until = time_format(timezone.localtime(wait.until), "H:i:s")
            form.add_error(
                "code",
                _("Too many wrong codes. Wait until %(time)s, then try again.") % {"time": until},
            )
            return self.form_invalid(form)
        if device is None:
            form.add_error(
                "code",
                _("That code is not right. Enter the code your app shows now, or a backup code."),
            )
            return self.form_invalid(form)
        django_otp.login(self.request, device)
        if isinstance(device, StaticDevice):
            left = device.token_set.count()
            messages.warning(
                self.request,
                _("You used a backup code; %(count)s left. Make new ones in your account.")
                % {"count": left},
            )
        return redirect(_next_url(self.request))


class ManageView(TwoFactorView, TemplateView):
    """Account settings → Two-step verification: whether it is on, and what can be done."""

    page_title = gettext_lazy("Two-step verification")
    template_name = "accounts/two_factor/manage.html"

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": reverse("wagtailadmin_account"), "label": _("Account")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        backup = devices.backup_codes_for(user)
        context.update(
            app=devices.app_for(user),
            codes_left=backup.token_set.count() if backup else 0,
            required=policy.is_required_for(user),
        )
        return context

    def post(self, request, *args, **kwargs):
        """Make new backup codes, or turn two-step verification off (where allowed)."""
        user = request.user
        if not devices.has_app(user):
            return redirect("chorus_two_factor_manage")
        if request.POST.get("action") == "backup-codes":
            return _backup_codes_page(self, devices.new_backup_codes(user))
        if request.POST.get("action") == "turn-off" and not policy.is_required_for(user):
            devices.remove_devices(user)
            messages.success(request, _("Two-step verification is off for your account."))
        return redirect("chorus_two_factor_manage")


class ResetView(TwoFactorView, TemplateView):
    """A superuser removes someone's app and backup codes (they lost their phone): asks on
    GET, resets on POST. ``manage.py reset_two_factor`` does the same from the shell."""

    page_title = gettext_lazy("Reset two-step verification")
    template_name = "accounts/two_factor/reset.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        self.person = get_object_or_404(get_user_model(), pk=kwargs["user_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.person.get_username()

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": reverse("wagtailusers_users:index"), "label": _("Users")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(person=self.person, has_app=devices.has_app(self.person))
        return context

    def post(self, request, *args, **kwargs):
        """Remove the person's devices and go back to the users."""
        devices.remove_devices(self.person)
        messages.success(
            request,
            _("%(name)s's two-step verification is reset.") % {"name": self.person.get_username()},
        )
        return redirect("wagtailusers_users:index")
