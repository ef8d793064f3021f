"""Read the content generation once per request.

Rendering one page asks for the generation many times (the site lookup, the navigation,
every plugin panel, every cached fragment), and each ask reads the shared cache: on the
default database cache, a query. :class:`RequestGenerationMiddleware` keeps the first
answer for the rest of the request; ``generation.bump`` forgets it, so a request that
changes content reads the new generation afterwards. Outside a request (the CLI, tasks,
tests calling ``generation.current()``) nothing is remembered.
"""

from contextvars import ContextVar

# One slot per request, holding the generation once read; unset outside a request.
_slot: ContextVar[list | None] = ContextVar("chorus_request_generation", default=None)


def remembered():
    """Return the generation read earlier in this request, or ``None``."""
    slot = _slot.get()
    return slot[0] if slot else None


def remember(generation):
    """Keep ``generation`` for the rest of this request (nothing outside a request)."""
    slot = _slot.get()
    if slot is not None:
        slot[0] = generation


def forget():
    """Make the next read in this request go to the shared cache again."""
    remember(None)


class RequestGenerationMiddleware:
    """Scope one remembered generation to each request (first in ``MIDDLEWARE``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _slot.set([None])
        try:
            return self.get_response(request)
        finally:
            _slot.reset(token)
