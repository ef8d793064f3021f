"""The time-credits plugin's screens in the Wagtail admin, under "Time credits".

Schemes and offers are ``ModelViewSet``\\ s (:mod:`.viewsets`); partners, allocations, the
ledger and its corrections, and reports are admin views (:mod:`.views`) mounted by
``plugins/timecredits/wagtail_hooks.py``. Who may see what comes from
:mod:`plugins.timecredits.permissions`, wrapped as Wagtail permission policies in
:mod:`.policies`. Nothing here edits or deletes a transaction: credits move only through
:mod:`plugins.timecredits.ledger`, and a mistake is put right by a reversing transaction.
"""
