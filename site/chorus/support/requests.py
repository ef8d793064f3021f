"""Recording a help request, from the "Ask for help" form or from another form that asks the
same questions (the sign-up form of an event or assembly, ``coproduction.taking_part``)."""

from django.utils import timezone, translation

from .dates import add_working_days
from .emails import send_request_emails
from .models import SupportRequest, SupportSettings
from .needs import ContactMethod, Support


def create_request(
    site,
    page,
    *,
    name,
    contact_method=ContactMethod.EMAIL,
    email="",
    formats=(),
    support=(),
    spoken_language="",
    call_back=False,
    other_adjustment="",
    phone="",
    postal_address="",
    message="",
    language=None,
):
    """Store a request about ``page`` (or ``None``) on ``site`` and queue its two emails.

    Call it inside the transaction that stores whatever the request came with, so both are
    kept or neither. The due date is the site's working days from now.
    """
    site_settings = SupportSettings.for_site(site)
    received = timezone.now()
    support_request = SupportRequest.objects.create(
        site=site,
        source_page=page,
        source_title=page.title if page else "",
        formats=list(formats),
        support=list(support),
        spoken_language=spoken_language.strip() if Support.SPOKEN_LANGUAGE in support else "",
        call_back=call_back,
        other_adjustment=other_adjustment.strip(),
        name=name.strip(),
        contact_method=contact_method,
        email=email,
        phone=phone.strip(),
        postal_address=postal_address.strip(),
        message=message.strip(),
        language=language if language is not None else (translation.get_language() or ""),
        received_at=received,
        due_on=add_working_days(timezone.localdate(received), site_settings.working_days),
    )
    send_request_emails(support_request, site_settings)
    return support_request
