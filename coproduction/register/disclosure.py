"""Statistical disclosure control: figures about people that cannot single anyone out.

Any breakdown of people shown to staff (representativeness, survey results by demographic,
selection reports) goes through :func:`suppress` first:

- a count under 5 (including 0) is shown as "fewer than 5", never as a number;
- every other count is rounded to the nearest 5;
- when the total is shown and exactly one cell is hidden, the next smallest cell is hidden
  too, so the hidden one cannot be worked out by taking the others from the total;
- percentages are computed from the shown (rounded) figures only, and withheld for hidden
  cells.

    breakdown = suppress({"female": 23, "male": 3, "prefer_not": 9})
    [cell.display for cell in breakdown]   # ["25", "fewer than 5", "withheld"]
    breakdown.total.display                # "35"
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

#: Counts below this are never shown.
THRESHOLD = 5
#: Shown counts are rounded to the nearest multiple of this.
BASE = 5

FEWER_THAN = _("fewer than 5")
WITHHELD = _("withheld")

#: The plain-words explanation every page that shows such figures carries.
EXPLANATION = _(
    "Numbers under 5 are shown as 'fewer than 5' and others are rounded to the nearest 5 so "
    "that no one can be identified. Where a total would let a hidden number be worked out, "
    "another number is withheld too. Percentages are worked out from the rounded numbers."
)


class Reason:
    """Why a cell is hidden."""

    SMALL = "small"  #: under the threshold
    SECONDARY = "secondary"  #: hidden so that a small cell cannot be worked out from the total


@dataclass(frozen=True)
class Cell:
    """One figure as it may be shown: ``value`` is the rounded count, or ``None`` if hidden."""

    key: object
    value: int | None
    reason: str | None = None
    share: float | None = None

    @property
    def suppressed(self):
        return self.value is None

    @property
    def display(self):
        """The text to show: the rounded number, "fewer than 5" or "withheld"."""
        if self.reason == Reason.SMALL:
            return str(FEWER_THAN)
        if self.reason == Reason.SECONDARY:
            return str(WITHHELD)
        return str(self.value)

    def __str__(self):
        return self.display


@dataclass(frozen=True)
class Breakdown:
    """The cells of a breakdown, in the order given, and its total (``None`` if not shown)."""

    cells: list
    total: Cell | None

    def __iter__(self):
        return iter(self.cells)

    def __len__(self):
        return len(self.cells)

    def __getitem__(self, key):
        """The cell for ``key`` (a key of the counts given to :func:`suppress`)."""
        for cell in self.cells:
            if cell.key == key:
                return cell
        raise KeyError(key)


def round_count(count):
    """The figure that may be shown for ``count``: ``None`` under 5, else the nearest 5
    (7 → 5, 8 → 10, 12 → 10, 13 → 15)."""
    if count < 0:
        raise ValueError("A count cannot be negative.")
    if count < THRESHOLD:
        return None
    return (count + BASE // 2) // BASE * BASE


def shown(count):
    """A single count on its own, as a :class:`Cell` (e.g. the size of a group)."""
    value = round_count(count)
    return Cell(key=None, value=value, reason=Reason.SMALL if value is None else None)


def share(part, whole):
    """``part`` as a percentage of ``whole`` (both shown figures), or ``None``."""
    if part is None or not whole:
        return None
    return 100 * part / whole


def suppress(counts, *, with_total=True):
    """Make ``counts`` (a mapping of key → count of people) safe to show.

    Returns a :class:`Breakdown`: a :class:`Cell` per key, in order, each with its share of
    the shown total (``None`` for hidden cells, or when the total is hidden), and the total
    (``None`` when ``with_total`` is false). Without a total there is nothing to subtract
    from, so no second cell is hidden.
    """
    values = {key: round_count(count) for key, count in counts.items()}
    reasons = {key: Reason.SMALL for key, value in values.items() if value is None}
    total = shown(sum(counts.values())) if with_total else None
    if total is not None and total.value is not None and len(reasons) == 1:
        visible = [key for key, value in values.items() if value is not None]
        if visible:
            smallest = min(visible, key=lambda key: counts[key])
            values[smallest] = None
            reasons[smallest] = Reason.SECONDARY
    whole = total.value if total is not None else None
    cells = [
        Cell(
            key=key,
            value=value,
            reason=reasons.get(key),
            share=share(value, whole),
        )
        for key, value in values.items()
    ]
    return Breakdown(cells=cells, total=total)
