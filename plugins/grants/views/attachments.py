"""Serving application files: only to people allowed to see the application, never inline.

Files live in the private storage, which has no public URL. This view is the only way out:
it checks :func:`~plugins.grants.permissions.can_view_application`, answers 404 (not 403)
to anyone else so a file's existence is not given away, sends grant staff who owe a
two-step verification code to enter it first, and serves the file as a download
with the type the upload check settled, ``nosniff`` and a sandboxing CSP, so a browser never
renders it as a page of this site.
"""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from chorus.accounts.two_factor.middleware import to_two_factor
from chorus.accounts.two_factor.policy import owes_code

from ..models import Attachment
from ..permissions import can_view_application
from ..uploads import safe_filename


@login_required
def download(request, pk):
    """Send one attachment to its applicant or the application's grant staff."""
    attachment = get_object_or_404(
        Attachment.objects.select_related("application"), pk=pk, removed_at__isnull=True
    )
    if not can_view_application(request.user, attachment.application):
        raise Http404(_("No such file."))
    if attachment.application.applicant_id != request.user.pk and owes_code(request):
        # Seen as grant staff: as in the admin, only once the session has passed two-factor.
        return to_two_factor(request)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as error:
        raise Http404(_("No such file.")) from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=safe_filename(attachment.original_name),
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    patch_cache_control(response, private=True, no_store=True)
    return response
