"""The small value types that hooks return."""

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class NavigationItem:
    """A link in a site's main navigation."""

    label: str
    url: str
    order: int = 100


@dataclass(frozen=True)
class Panel:
    """A block of content on a home page, rendered from ``template_name``.

    The template receives ``panel`` (this object), so it reads ``panel.title`` and
    ``panel.context.<name>``.
    """

    title: str
    template_name: str
    context: dict[str, Any] = field(default_factory=dict)
    order: int = 100
