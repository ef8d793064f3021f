"""Register, verify an address, sign in and out, reset a password, and the dashboard.

None of these pages is a Wagtail page, so the anonymous page cache never stores them; the
dashboard and every page with a form say so explicitly as well (``never_cache``).
"""

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from chorus.common.site_urls import request_site
from chorus.plugins.panels import dashboard_panels

from . import tokens
from .emails import send_verification_email, site_name, tell_account_owners, verification_due
from .forms import EmailAuthenticationForm, RegistrationForm, ResendVerificationForm
from .models import Registration
from .redirects import safe_next

BACKEND = "chorus.accounts.backends.EmailBackend"

#: The session key remembering the address a registration's email went to.
SENT_TO = "chorus_accounts_link_sent_to"


def _next_from(request):
    """The safe ``next`` URL posted with a form or given in the query string."""
    return safe_next(request, request.POST.get("next") or request.GET.get("next"))


@never_cache
@sensitive_post_parameters("password1", "password2")
@require_http_methods(["GET", "HEAD", "POST"])
def register(request):
    """Register with an email address; the account waits until the address is verified.

    The answer is the same whether or not the address already has an account: if it has,
    its owner is emailed instead (see :func:`~chorus.accounts.emails.tell_account_owners`).
    """
    if request.user.is_authenticated:
        return redirect("accounts:dashboard")
    next_url = _next_from(request)
    form = RegistrationForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        user = form.save()
        if user is None:
            tell_account_owners(request, form.cleaned_data["email"], next_url)
        else:
            send_verification_email(request, user, next_url)
        request.session[SENT_TO] = form.cleaned_data["email"]
        return redirect("accounts:verification_sent")
    return render(request, "accounts/register.html", {"form": form, "next": next_url})


@never_cache
def verification_sent(request):
    """Ask the person to check their inbox."""
    return render(
        request, "accounts/verification_sent.html", {"email": request.session.get(SENT_TO)}
    )


def _find_user(pk):
    return get_user_model().objects.filter(pk=pk).first()


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def verify(request, token):
    """Confirm an address from the emailed link: a GET asks, only the POST switches on.

    Opening the link changes nothing (mail scanners and link previews open links too): it
    shows a page whose button posts back to the same address, with a CSRF token. The POST
    switches on the account the genuine link was sent for and signs its owner in.
    """
    try:
        user, next_url = tokens.read_token(token, _find_user)
    except tokens.ExpiredToken:
        return _verify_failed(request, expired=True)
    except tokens.InvalidToken:
        return _verify_failed(request, expired=False)
    registration = Registration.objects.filter(user=user).first()
    if registration is None:
        # Made in the admin, never registered: no link was ever sent for it.
        return _verify_failed(request, expired=False)
    if registration.verified_at is not None:
        return _already_verified(request, user)
    if request.method != "POST":
        return render(request, "accounts/verify_confirm.html", {"email": user.email})
    with transaction.atomic():
        # A conditional update, so two clicks at once verify (and sign in) once.
        verified = Registration.objects.filter(pk=registration.pk, verified_at__isnull=True).update(
            verified_at=timezone.now()
        )
        if verified:
            user.is_active = True
            user.save(update_fields=["is_active"])
    if not verified:
        return _already_verified(request, user)
    login(request, user, backend=BACKEND)
    messages.success(request, _("Thank you: your email address is verified and you are signed in."))
    return redirect(safe_next(request, next_url) or "accounts:dashboard")


def _already_verified(request, user):
    """Send someone following a used link to sign in (or to their dashboard, if signed in)."""
    messages.info(request, _("Your email address is already verified. You can sign in."))
    return redirect("accounts:dashboard" if request.user == user else "accounts:login")


def _verify_failed(request, *, expired):
    """Say why a link did not work and offer a new one."""
    context = {"expired": expired, "form": ResendVerificationForm(), "days": tokens.MAX_AGE.days}
    return render(request, "accounts/verify_failed.html", context, status=400)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def resend_verification(request):
    """Send a new verification link. The answer is the same whether the address is known."""
    form = ResendVerificationForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        for user in form.waiting_accounts():
            if verification_due(user):
                send_verification_email(request, user, _next_from(request))
        request.session.pop(SENT_TO, None)
        return redirect("accounts:verification_sent")
    return render(request, "accounts/resend_verification.html", {"form": form})


@method_decorator(never_cache, name="dispatch")
class SignInView(auth_views.LoginView):
    """Sign in with an email address; ``next`` is followed only when it stays on this site."""

    form_class = EmailAuthenticationForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    """Sign out (by POST only, so a link or an image cannot sign anyone out)."""

    def post(self, request, *args, **kwargs):
        """Sign out and say so on the next page."""
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("You have signed out."))
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Email a password-reset link, naming the site in the message.

    The link starts with the site's configured root URL, not the request's Host header.
    """

    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset_body.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        """Send the email with the name and root URL of the site the person asked on."""
        # Django's own ``protocol`` and ``domain`` come from the request: the template uses
        # ``site_root_url`` instead.
        self.extra_email_context = {
            "chorus_site_name": site_name(self.request),
            "site_root_url": request_site(self.request).root_url,
        }
        return super().form_valid(form)


@never_cache
@login_required
def dashboard(request):
    """The signed-in person's own page: who they are and the panels from plugins on here."""
    panels = dashboard_panels(request.user, request)
    return render(request, "accounts/dashboard.html", {"panels": panels})
