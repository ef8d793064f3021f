"""The verification email."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from . import tokens


def site_name(request):
    """The name of the site answering ``request``, for greetings and subjects."""
    site = Site.find_for_request(request)
    return (site.site_name if site else "") or request.get_host()


def send_verification_email(request, user, next_url=""):
    """Email ``user`` a link that verifies their address, and note when it was sent."""
    link = request.build_absolute_uri(
        reverse("accounts:verify", args=[tokens.make_token(user, next_url)])
    )
    context = {
        "user": user,
        "link": link,
        "site_name": site_name(request),
        "days": tokens.MAX_AGE.days,
    }
    subject = render_to_string("accounts/email/verify_subject.txt", context, request).strip()
    body = render_to_string("accounts/email/verify_body.txt", context, request)
    send_mail(subject, body, None, [user.email])
    user.registration.link_sent_at = timezone.now()
    user.registration.save(update_fields=["link_sent_at"])
