"""Two-factor sign-in to the Wagtail admin for staff, with an authenticator app (TOTP).

``CHORUS_STAFF_2FA`` says who is asked (:mod:`.policy`); :mod:`.middleware` sends staff to
enter a code, or to set up an app, before any other admin screen; :mod:`.views` are those
screens and the one in the account settings; :mod:`.devices` makes and checks the devices
(django-otp's TOTP device and backup codes). See docs/security.md.
"""
