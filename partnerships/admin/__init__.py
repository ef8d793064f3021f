"""The Wagtail admin's "Members" screens, for the secretaries who keep registers of members.

A secretary sees and acts on the registers they keep (:mod:`.permissions`); superusers keep
every register. Status changes go through :mod:`partnerships.membership` only.
"""
