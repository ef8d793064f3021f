"""Every Chorus hook, in one place.

Names follow a small grammar: ``chorus_register_<things>`` returns a list of items that are
combined from every plugin; ``chorus_on_<event>`` notifies and returns nothing. Hooks are
called with keyword arguments only. Unless a hook says otherwise it is called through
``chorus.plugins.enablement.hooks_for_site(site)``, so a plugin that is off for a site is never
called for that site.

Adding a hook is one function here, with a docstring that says when it runs, what each
parameter is, how results combine, and an example.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser
    from django.http import HttpRequest
    from django.urls import URLPattern, URLResolver
    from wagtail.models import Page, Site

    from chorus.plugins.contributions import (
        Audience,
        DemoSection,
        GetInvolvedItem,
        NavigationItem,
        Panel,
        PersonToTell,
        Source,
        SubmittedResponse,
    )

from .markers import hookspec

# --- Routing -------------------------------------------------------------------------


@hookspec
def chorus_register_urls() -> list[URLPattern | URLResolver]:
    """Return URL patterns for the plugin's own views (feeds, forms, JSON...).

    Called once, when the URLconf loads. The framework mounts the patterns under
    ``/plugins/<plugin name>/`` in the namespace ``<plugin name>`` and wraps every view so
    that it answers 404 on a site where the plugin is off. Results from every plugin are
    combined (one list per plugin).

    Example::

        @hookimpl
        def chorus_register_urls():
            return [path("calendar.ics", views.calendar, name="calendar")]

    serves ``/plugins/events/calendar.ics``, reversed as ``events:calendar``.
    """


# --- Page furniture ------------------------------------------------------------------


@hookspec
def chorus_register_navigation_items(site: Site, request: HttpRequest) -> list[NavigationItem]:
    """Return items for the site's main navigation, after the page-tree items.

    Called when ``site``'s navigation is built (``site`` is the Wagtail Site answering the
    ``request``). Items from every enabled plugin are combined and sorted by ``order``.
    The navigation is cached per site and language, and rebuilt when a page is published,
    unpublished, moved or deleted, a site changes or a plugin is switched: items must not
    depend on who is asking (per-person links belong in uncached views).

    Example::

        @hookimpl
        def chorus_register_navigation_items(site, request):
            index = EventIndexPage.objects.live().in_site(site).first()
            if index is None:
                return []
            return [NavigationItem(label=_("Events"), url=index.get_url(request), order=50)]
    """


@hookspec
def chorus_register_partnership_home_panels(page: Page, request: HttpRequest) -> list[Panel]:
    """Return panels to show on a partnership's home page.

    ``page`` is the ``PartnershipHomePage`` being rendered. Panels from every plugin that
    is on for the page's site are combined and sorted by ``order``; each is rendered with
    its template and ``panel`` in the context.

    Example::

        @hookimpl
        def chorus_register_partnership_home_panels(page, request):
            events = upcoming_events(page)[:3]
            return [Panel(title=_("Coming up"), template_name="events/panel.html",
                          context={"events": events}, order=20)]
    """


@hookspec
def chorus_register_network_home_panels(page: Page, request: HttpRequest) -> list[Panel]:
    """Return panels for the network home, gathering content from every partnership.

    ``page`` is the ``NetworkHomePage``. The hook is called for every plugin that is on for
    the network's own site; a panel that aggregates across partnerships must itself keep to
    the sites where its plugin is on (``chorus.plugins.enablement.in_enabled_sites``). Results are
    combined and sorted by ``order``.

    Example::

        @hookimpl
        def chorus_register_network_home_panels(page, request):
            events = in_enabled_sites(EventPage.objects.live(), "events")[:6]
            return [Panel(title=_("Upcoming events across the network"),
                          template_name="events/panel.html", context={"events": events})]
    """


@hookspec
def chorus_register_get_involved(
    site: Site, request: HttpRequest, across_network: bool
) -> list[GetInvolvedItem]:
    """Return what a resident can do now through this plugin, for a home page's "Get involved".

    Called when the block that opens a home page is built, for the core and the plugins that
    are on for ``site``, the site whose home is shown. On a partnership home
    ``across_network`` is ``False``: offer what is open on ``site``. On the network home it
    is ``True`` and ``site`` is the network's own site: gather what is open on every site
    where the plugin is on (``chorus.plugins.sites_with`` / ``in_enabled_sites``), so a
    plugin off for a site contributes nothing from it. An implementation may leave out
    parameters it does not use.

    Return at most one item per kind of thing (one for events, not one per event), each a
    :class:`~chorus.plugins.GetInvolvedItem` with a plain-English heading, one sentence and
    an action link; return ``[]`` when nothing is open. Items from every plugin are combined
    and sorted by ``order`` (co-production 10, events 20, grants 30, time credits 40); when
    there are none the block says that nothing is open just now.

    The block is cached per site, language and content generation, for everyone: items must
    not depend on who is asking, and a plugin calls ``chorus.plugins.refresh_site_content``
    when the data they show changes. What opens or closes with the clock alone (a round's
    closing date) shows within ``CHORUS_FRAGMENT_CACHE_SECONDS``.

    Example::

        @hookimpl
        def chorus_register_get_involved(site, request, across_network):
            sites = sites_with("events") if across_network else [site]
            events = list(upcoming(in_enabled_sites(EventPage.objects.live(), "events", sites)))
            if not events:
                return []
            return [GetInvolvedItem(
                heading=_("Come to an event"),
                summary=_("Next: %(title)s.") % {"title": events[0].title},
                url=events[0].get_url(request), action=_("See what is on"), order=20)]
    """


@hookspec
def chorus_register_dashboard_panels(user: AbstractBaseUser, request: HttpRequest) -> list[Panel]:
    """Return panels for a signed-in person's dashboard (``/account/``) on this site.

    ``user`` is the signed-in person looking at their own dashboard and ``request`` the
    request for it; the dashboard is never cached, so panels may (and usually do) depend on
    who is asking. Called for the plugins that are on for the site answering the request.
    Panels from every plugin are combined and sorted by ``order``; each is rendered with
    its template and ``panel`` in the context.

    Example::

        @hookimpl
        def chorus_register_dashboard_panels(user, request):
            bookings = Booking.objects.filter(person=user).select_related("event")
            return [Panel(title=_("Your bookings"), template_name="events/panels/mine.html",
                          context={"bookings": bookings}, order=30)]
    """


# --- The involvement register --------------------------------------------------------


@hookspec
def chorus_register_audiences(site: Site) -> list[Audience]:
    """Return groups of people this plugin knows about on ``site``, to send a bulletin to.

    Called when staff choose who a bulletin on ``site`` goes to, and again when the send
    runs, for the core and the plugins that are on for ``site``. Each
    :class:`~chorus.plugins.Audience` is offered beside places, topics and roles; choosing it
    narrows the segment to the people on the register whose email address is in the
    audience. Consent still decides: someone in an audience who has not agreed to be kept
    informed gets nothing. Audiences from every plugin are combined, in plugin order; keep
    ``emails`` lazy (a queryset), as it is evaluated only when a bulletin is counted or sent.

    Example::

        @hookimpl
        def chorus_register_audiences(site):
            bookings = Booking.objects.filter(event__in=EventPage.objects.in_site(site))
            return [Audience(key="events:attendees", label=_("People who booked an event"),
                             emails=lambda: bookings.annotate(address=Lower("email"))
                                                    .values("address"))]
    """


# --- Events other plugins can react to ----------------------------------------------


@hookspec
def chorus_on_participation(site: Site, user: AbstractBaseUser, description: str, key: str) -> None:
    """React to a registered person taking part in something on ``site``.

    Called by whatever records the participation, for the plugins that are on for ``site``:
    ``user`` took part, ``description`` says in what ("Attended the Medway health assembly,
    12 March"), and ``key`` is unique to this person and occasion, so a listener that records
    something can make a repeat call harmless. Attendance at an event or assembly is reported
    by ``coproduction.taking_part.booking.mark_attended`` once it is committed, with the key
    ``taking-part:page-<page id>:user-<user id>``.
    Return values are ignored.

    Example::

        @hookimpl
        def chorus_on_participation(site, user, description, key):
            scheme = Scheme.objects.filter(site=site).first()
            if scheme is not None:
                credit_participation(scheme, user, description=description,
                                     idempotency_key=key)
    """


@hookspec
def chorus_on_response_submitted(site: Site, response: SubmittedResponse) -> None:
    """React to someone telling ``site`` something: a survey response, an idea, a comment.

    Called once the transaction that stored it commits, for the plugins that are on for
    ``site``, by whatever took it in (the surveys and ideas plugins). ``response`` is a
    :class:`~chorus.plugins.SubmittedResponse`: its free-text ``statements``, the ``topics``
    it concerns, whether the person agreed to be quoted (``may_quote``) and a stable
    ``key``, so a repeat call can be made harmless. It never carries who the person is.
    Return values are ignored; an exception is logged and does not lose the response.

    Example::

        @hookimpl
        def chorus_on_response_submitted(site, response):
            for statement in response.statements:
                Insight.objects.get_or_create(
                    site=site, key=f"{response.key}:{statement.prompt}",
                    defaults={"text": statement.text, "source": response.source},
                )
    """


@hookspec
def chorus_people_to_tell(site: Site, source: Source) -> list[PersonToTell]:
    """Return the people who took part in ``source`` on ``site`` and may hear what came of it.

    Called when a "You said, we did" commitment that answers a recommendation from
    ``source`` changes status, by the task that emails the update, for the core and the
    plugins that are on for ``site``. ``source`` is a :class:`~chorus.plugins.Source`: its
    ``kind`` (``"assembly"``, ``"consultation"``, ``"idea"``, ``"spotlight"``,
    ``"meeting"``) and the page, or the model and id, it stands for. Return a
    :class:`~chorus.plugins.PersonToTell` for each person your plugin knows took part (an
    empty list for a source that is not yours), with ``consented=True`` only for those who
    agreed to hear back; the others are never emailed. Lists from every plugin are combined
    and each address is told once, in the language and format of its first entry.

    Example::

        @hookimpl
        def chorus_people_to_tell(site, source):
            if source.kind != "assembly" or source.page is None:
                return []
            return [
                PersonToTell(email=booking.email, name=booking.name,
                             language=booking.language, consented=booking.keep_informed)
                for booking in Booking.objects.filter(assembly=source.page, attended=True)
            ]
    """


# --- Switching a plugin on or off for a site ------------------------------------------


@hookspec
def chorus_on_plugin_enabled(site: Site, plugin: str) -> None:
    """React to ``plugin`` being switched on for ``site``.

    Called once the switch is committed to the database, by ``chorus.plugins.enablement.enable``
    (which the admin's Plugins screen and ``manage.py plugins enable`` use), once for each
    plugin it switched on, requirements first. ``plugin`` is the switched plugin's name. Called
    for the core and every plugin that is on for ``site`` after the switch, the switched plugin
    included, so a plugin can set itself up (``if plugin == "voting": ...``) and others can
    react to it. Not called when the plugin was already on. Return values are ignored; an
    exception is logged and does not undo the switch.

    Example::

        @hookimpl
        def chorus_on_plugin_enabled(site, plugin):
            if plugin == "events":
                EventSettings.for_site(site)  # the site's settings, with the defaults
    """


@hookspec
def chorus_on_plugin_disabled(site: Site, plugin: str) -> None:
    """React to ``plugin`` being switched off for ``site``.

    Called once the switch is committed, by ``chorus.plugins.enablement.disable`` (the admin's
    Plugins screen, ``manage.py plugins disable``), only when the plugin was on. Called for the
    core, every plugin still on for ``site``, *and the switched plugin itself*, although it is
    now off there, so it can tidy up (its data must be kept: switching it back on restores
    everything). Return values are ignored; an exception is logged and does not undo the
    switch.

    Example::

        @hookimpl
        def chorus_on_plugin_disabled(site, plugin):
            if plugin == "events":
                Reminder.objects.filter(event__site=site, sent=False).update(paused=True)
    """


# --- Personal data -------------------------------------------------------------------


@hookspec
def chorus_export_personal_data(email: str) -> dict[str, Any]:
    """Return the personal data this plugin holds about the person with ``email``.

    Called for **every** installed plugin and core app, whatever sites it is on, because a
    subject-access request covers data kept while a plugin was on and later switched off.
    Return a mapping of section name to JSON-serialisable records (an empty mapping when
    nothing is held). The sections from every plugin are merged into one export.

    Example::

        @hookimpl
        def chorus_export_personal_data(email):
            rows = Booking.objects.filter(email__iexact=email)
            return {"event bookings": [{"event": b.event.title, "booked": b.created.isoformat()}
                                       for b in rows]}
    """


@hookspec
def chorus_erase_personal_data(email: str) -> int:
    """Pseudonymise the personal data this plugin holds about the person with ``email``.

    Called for every installed plugin and core app, like ``chorus_export_personal_data``.
    Erasure must not delete records that an audit needs, nor change a closed tally or a
    ledger's sum: replace names and contact details instead. Return how many records were
    changed; the counts from every plugin are added up.

    Example::

        @hookimpl
        def chorus_erase_personal_data(email):
            return Booking.objects.filter(email__iexact=email).update(
                name="(erased)", email="")
    """


@hookspec
def chorus_sees_personal_data(user: AbstractBaseUser) -> bool:
    """Say whether ``user``'s role in this plugin shows them other people's personal data.

    Called for every installed plugin and core app, like ``chorus_export_personal_data``,
    with a signed-in, active staff member who is not a superuser (superusers see everything).
    Answer ``True`` when the admin screens, exports or files this plugin gives ``user``'s
    roles show names, contact details, applications, balances, votes cast or membership of
    people other than ``user`` (on any site); ``False`` (or ``None``) otherwise. ``user`` sees
    personal data if any plugin says so: with ``CHORUS_STAFF_2FA=required`` they must then
    use two-factor sign-in for the admin (docs/security.md).

    Example::

        @hookimpl
        def chorus_sees_personal_data(user):
            return user.has_perm("events.view_booking") or organised_events(user).exists()
    """


# --- The demo --------------------------------------------------------------------------


@hookspec
def chorus_register_demo_sections() -> list[DemoSection]:
    """Return the plugin's part of the demo network, built by ``manage.py seed_demo``.

    Called once per run of ``seed_demo``, after the core demo (the network, partnership
    sites, organisations, spotlights, the assembly, the charter and the members' register)
    is built, for **every** installed plugin whatever its switches, one plugin at a time:
    a plugin's sections come after those of the plugins it ``requires``. For each
    :class:`~chorus.plugins.DemoSection`, ``seed_demo`` switches the plugin on for the
    section's ``hostnames``, then calls ``build(context)`` with a
    :class:`~chorus.plugins.DemoContext` and prints the lines it returns. Core apps'
    implementations are not called (the core demo is ``seed_demo``'s own).

    Import the demo code inside the implementation: it builds on the tests' factories,
    which production does not install.

    Example::

        @hookimpl
        def chorus_register_demo_sections():
            from . import demo

            return [DemoSection(build=demo.build, hostnames=("medway-swale.localhost",))]
    """
