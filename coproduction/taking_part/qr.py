"""QR codes for the door: each carries a booking's random check-in code, nothing personal."""

import io

import segno

#: What the scanner looks for: the code after this prefix (other QR codes are ignored).
PREFIX = "CHORUS-CHECKIN:"


def qr_payload(booking):
    return f"{PREFIX}{booking.check_in_code}"


def code_from(scanned):
    """The check-in code in what was scanned or typed (with or without the prefix)."""
    value = (scanned or "").strip()
    if value.upper().startswith(PREFIX):
        value = value[len(PREFIX) :]
    return "".join(value.split()).upper()[:16]


def qr_png(booking, scale=8):
    """The booking's QR code as PNG bytes."""
    buffer = io.BytesIO()
    segno.make(qr_payload(booking), error="m").save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()


def qr_svg(booking, scale=6):
    """The booking's QR code as an inline SVG string (for the page people can print)."""
    buffer = io.BytesIO()
    segno.make(qr_payload(booking), error="m").save(
        buffer, kind="svg", scale=scale, border=2, xmldecl=False, svgns=True
    )
    return buffer.getvalue().decode()
