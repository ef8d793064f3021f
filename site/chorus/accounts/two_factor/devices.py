"""Authenticator apps and backup codes: django-otp's TOTP and static devices, per person.

A person has at most one app (a confirmed :class:`TOTPDevice`) and one set of backup codes
(a :class:`StaticDevice`). The app's secret is kept in the session until the person proves
with a code that their app has it; only then is the device saved.
"""

import time
from base64 import b32encode
from binascii import unhexlify

import django_otp
import segno
from django.db import transaction
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

#: How many backup codes a person is given.
BACKUP_CODES = 10
#: Codes from the step before and after the current one are accepted (clocks drift).
TOLERANCE = 1


def app_for(user):
    """``user``'s confirmed authenticator app, or ``None``."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def backup_codes_for(user):
    """``user``'s backup codes (a device whose tokens are used up one by one), or ``None``."""
    return StaticDevice.objects.filter(user=user, confirmed=True).first()


def has_app(user):
    """Whether ``user`` has set up an authenticator app."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def new_secret():
    """A new random secret for an app, hex-encoded as django-otp stores it."""
    return random_hex(20)


def readable_key(secret):
    """The secret as the base32 key people type into an app, in groups of four."""
    key = b32encode(unhexlify(secret)).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_svg(user, secret):
    """An inline SVG QR code of the ``otpauth://`` address that sets an app up."""
    address = TOTPDevice(user=user, key=secret).config_url
    return segno.make(address, error="m").svg_inline(scale=5, dark="#000", light="#fff")


def matching_step(secret, code):
    """The time step ``code`` belongs to for ``secret`` (now, give or take one), or ``None``."""
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = TOTP(unhexlify(secret))
    totp.time = time.time()
    return totp.t() if totp.verify(int(code), tolerance=TOLERANCE) else None


class TooManyTries(Exception):
    """Wrong codes came too fast: django-otp's throttle makes the device wait until ``until``
    (the wait doubles with every wrong code)."""

    def __init__(self, until):
        super().__init__(until)
        self.until = until


def normalised(code):
    """The code as typed, without spaces, in lower case (backup codes are lower case)."""
    return "".join(code.split()).lower()


def device_accepting(user, code):
    """The device of ``user`` that accepts ``code`` (the app's, or a backup code), or ``None``.

    Six digits are the app's code; anything else is tried as a backup code, which is used
    up. Raises :class:`TooManyTries` while that device is throttled.
    """
    code = normalised(code)
    device = app_for(user) if code.isdigit() and len(code) == 6 else backup_codes_for(user)
    if device is None:
        return None
    allowed, details = device.verify_is_allowed()
    if not allowed:
        raise TooManyTries(details["locked_until"])
    return django_otp.verify_token(user, device.persistent_id, code)


@transaction.atomic
def confirm_app(user, secret, step):
    """Save ``user``'s app (replacing any other) with new backup codes; return both.

    ``step`` is the time step of the code that confirmed it, so that code cannot be used
    again to sign in.
    """
    remove_devices(user)
    app = TOTPDevice.objects.create(
        user=user,
        name="Authenticator app",
        key=secret,
        confirmed=True,
        tolerance=TOLERANCE,
        last_t=step,
    )
    return app, new_backup_codes(user)


@transaction.atomic
def new_backup_codes(user):
    """Replace ``user``'s backup codes with a new set and return the codes."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="Backup codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remove_devices(user):
    """Remove ``user``'s app and backup codes; return how many devices went."""
    removed = 0
    for model in (TOTPDevice, StaticDevice):
        devices = model.objects.filter(user=user)
        removed += devices.count()
        devices.delete()
    return removed
