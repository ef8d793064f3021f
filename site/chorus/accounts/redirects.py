"""Where to send a person after signing in, registering or verifying: never off-site."""

from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request, candidate):
    """Return ``candidate`` if it is a URL on this site, else ``""``.

    Only this request's host counts, and only over HTTPS when the request came over HTTPS,
    so ``?next=https://evil.example/`` or ``//evil.example`` is dropped.
    """
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return ""
