"""Answers worked out once per request.

Wagtail asks every admin menu item whether it is shown (``is_shown``) while it builds a page,
and several items of one menu often ask the same question of the same user ("does this user
keep a register?"). :func:`remembered` keeps the first answer on the request, so the
question costs its queries once per page rather than once per item::

    def is_shown(self, request):
        return remembered(request, is_secretary, lambda: is_secretary(request.user))
"""

_MEMO = "_chorus_request_memo"


def remembered(request, key, compute):
    """``compute()``, worked out the first time ``key`` is asked for during ``request``."""
    memo = request.__dict__.setdefault(_MEMO, {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]
