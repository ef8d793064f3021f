"""Colour contrast as WCAG 2 defines it: relative luminance and the contrast ratio.

>>> round(contrast_ratio("#00605a", "#ffffff"), 2)
7.44
>>> contrast_ratio("#777", "#fff") < AA_NORMAL_TEXT
True
"""

import re

# WCAG 2.2 success criterion 1.4.3 (level AA) for text below 18 pt (14 pt bold).
AA_NORMAL_TEXT = 4.5

HEX_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def parse_hex(colour: str) -> tuple[int, int, int]:
    """Return the red, green and blue of ``#rgb`` or ``#rrggbb`` (0-255 each).

    Raises ``ValueError`` for anything else.
    """
    if not HEX_COLOUR.match(colour or ""):
        raise ValueError(f"{colour!r} is not a colour written as #rrggbb.")
    digits = colour[1:]
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    return tuple(int(digits[i : i + 2], 16) for i in (0, 2, 4))


def _linear(channel: int) -> float:
    value = channel / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """Return the relative luminance of ``colour`` (0 for black, 1 for white)."""
    red, green, blue = (_linear(channel) for channel in parse_hex(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """Return the contrast ratio between two colours, from 1 (none) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def normalise(colour: str) -> str:
    """Return ``colour`` as lower-case ``#rrggbb``."""
    return "#{:02x}{:02x}{:02x}".format(*parse_hex(colour))
