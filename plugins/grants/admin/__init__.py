"""The grants plugin's staff side in the Wagtail admin.

Rounds are edited through a ``ModelViewSet`` (:mod:`.viewsets`); programmes, applications,
each person's applications to assess, awards, the payments ledger, overdue monitoring
reports and round reports are admin views (:mod:`.views`) mounted by
``plugins/grants/wagtail_hooks.py``. Who may see and do what comes from
:mod:`plugins.grants.permissions`, wrapped as Wagtail permission policies in
:mod:`.policies` so the generic views and menus ask the same questions.
"""
