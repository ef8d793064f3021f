"""The small value types that hooks return."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class NavigationItem:
    """A link in a site's main navigation."""

    label: str
    url: str
    order: int = 100
    #: The ``lang`` of ``label`` when it is not in the page's language (an untranslated
    #: page's English title in the Polish menu, say), else empty.
    lang: str = ""


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


@dataclass(frozen=True)
class GetInvolvedItem:
    """One thing a resident can do now, shown in a home page's "Get involved" block.

    ``heading`` is a plain-English call ("Join a health assembly"), ``summary`` one sentence
    saying what it is and when, ``url`` where to act and ``action`` that link's text ("Find
    out how to take part"): a link text that makes sense read on its own. Items are sorted
    by ``order``, then by heading.
    """

    heading: str
    summary: str
    url: str
    action: str
    order: int = 100


@dataclass(frozen=True)
class DemoContext:
    """What ``manage.py seed_demo`` hands to each plugin's demo section.

    ``network`` is the network's Wagtail Site (``localhost``), ``sites`` the partnership
    sites by hostname (``"medway-swale.localhost"``...), ``organisations`` the partner
    organisations by name, and ``with_people`` says whether people's accounts may be made
    (only with ``DEBUG`` or ``--with-admin``, never in production).
    """

    network: Any
    sites: dict[str, Any]
    organisations: dict[str, Any]
    with_people: bool


@dataclass(frozen=True)
class DemoSection:
    """A plugin's part of the demo network, built by ``manage.py seed_demo``.

    ``hostnames`` are the demo sites (``"localhost"`` is the network) the plugin is switched
    on for before ``build`` runs. ``build`` is called with a :class:`DemoContext`, must be
    idempotent (look everything up before making it), and returns lines for the summary
    ``seed_demo`` prints.
    """

    build: Callable[[DemoContext], Iterable[str]]
    hostnames: tuple[str, ...] = ()


@dataclass(frozen=True)
class Audience:
    """A group of people a plugin knows about, offered when staff send a bulletin.

    ``key`` is unique and stable (``"grants:applicants"``): it is stored with the send.
    ``label`` names the group for staff ("Grant applicants on this site"). ``emails`` is a
    callable taking no arguments that returns the group's email addresses, in lower case:
    a one-column queryset (``.values("address")``), which the register uses as a subquery,
    or any iterable. Choosing an audience only narrows a segment: the people reached are
    still those on the register who consent to be kept informed.
    """

    key: str
    label: str
    emails: Callable[[], Iterable[str]]


@dataclass(frozen=True)
class Statement:
    """One thing a person wrote in their own words: ``prompt`` is what they were asked
    ("What would make the service better for you?"), or the idea's title; ``text`` is their
    answer, as they wrote it."""

    prompt: str
    text: str


@dataclass(frozen=True)
class SubmittedResponse:
    """What someone told a site: a survey response, an idea, a comment.

    ``key`` is unique and stable (``"surveys:response:42"``), so a listener that stores
    something can make a repeat call harmless. ``kind`` says what it is in a few words
    ("Survey response", "Idea"); ``source`` names what it answered (the survey or board's
    title) and ``url`` links staff to it. ``statements`` are the person's free-text words;
    ``topics`` the register topics it concerns (names); ``language`` its language code.
    ``may_quote`` is true only when the person agreed to be quoted publicly; even then,
    staff redact before quoting. Nobody's name or email address is part of it.
    """

    key: str
    kind: str
    source: str
    url: str
    submitted_at: datetime
    statements: tuple[Statement, ...] = ()
    topics: tuple[str, ...] = ()
    language: str = "en-gb"
    may_quote: bool = False


@dataclass(frozen=True)
class Source:
    """Where a "You said, we did" recommendation came from, as hooks are told it.

    ``kind`` is one of ``"assembly"``, ``"consultation"``, ``"idea"``, ``"spotlight"``,
    ``"meeting"``. For a source that is a page, ``page`` is that page (its specific
    instance); for one that is not (an idea), ``model`` names its model
    (``"ideas.idea"``) and ``object_id`` its primary key. ``label`` and ``url`` are what the
    public tracker shows for it.
    """

    kind: str
    page: Any = None
    model: str = ""
    object_id: int | None = None
    label: str = ""
    url: str = ""


@dataclass(frozen=True)
class PersonToTell:
    """Someone who took part in a source and may be told what became of it.

    ``email`` is their address; ``name`` how to greet them ("" for none); ``language`` the
    language code to write in (``"en-gb"``, ``"pl"``); ``format`` ``""`` for the standard
    wording or ``"easy_read"``; ``consented`` is true only when they agreed to hear what
    happened (asked to hear back, ticked "keep me posted"...). Nobody is told without it.
    """

    email: str
    name: str = ""
    language: str = "en-gb"
    format: str = ""
    consented: bool = False
