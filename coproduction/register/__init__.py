"""The involvement register's rules: consent, segments, categories and wording.

The models are in ``coproduction.models`` (``register``, ``consent``, ``demographics``).
"""
