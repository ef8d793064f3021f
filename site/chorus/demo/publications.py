"""The demo's resource library and committee meetings (the ``publications`` app).

On the network site: a resource library of eight resources, several in Easy Read and large
print, and the health assembly steering group with three meetings (one upcoming, two held
with minutes and decisions). On Medway and Swale: the Involving Medway steering group.
Every document is a small real PDF made here. Built by ``seed_demo``; safe to run again.
"""

import datetime

from django.utils import timezone

from publications.factories import (
    CommitteePageFactory,
    MeetingPageFactory,
    ResourceLibraryPageFactory,
    ResourcePageFactory,
    at,
    make_document,
)

#: (title, type, published, topics, summary, formats other than the standard one).
RESOURCES = [
    (
        "Kent and Medway co-production charter",
        "policy",
        datetime.date(2025, 2, 10),
        ["co-production"],
        "The principles partners sign up to when they involve people and communities.",
        ["easy_read", "large_print"],
    ),
    (
        "Health assembly pilot: what people told us",
        "report",
        datetime.date(2025, 11, 20),
        ["health assemblies", "mental health"],
        "Forty-five residents spent a day on mental health support. Their recommendations.",
        ["easy_read", "bsl_video"],
    ),
    (
        "Getting involved: a guide for residents",
        "guide",
        datetime.date(2025, 6, 2),
        ["involvement"],
        "The ways to have your say, from a five-minute survey to joining a panel.",
        ["easy_read", "large_print"],
    ),
    (
        "Involvement payments policy",
        "policy",
        datetime.date(2024, 9, 16),
        ["involvement", "payments"],
        "How we pay people for their time and expenses when they help us.",
        ["large_print"],
    ),
    (
        "Community grants: how to apply",
        "leaflet",
        datetime.date(2025, 3, 3),
        ["grants"],
        "Who can apply for a small grant, for what, and how decisions are made.",
        ["easy_read"],
    ),
    (
        "Urgent and emergency care: listening report",
        "report",
        datetime.date(2024, 12, 5),
        ["urgent care"],
        "What people told the roadshow about getting help in a hurry.",
        [],
    ),
    (
        "People and communities strategy 2024 to 2027",
        "plan",
        datetime.date(2024, 4, 1),
        ["co-production", "strategy"],
        "How the partnerships will hear from people, and tell them what changed.",
        ["easy_read", "large_print"],
    ),
    (
        "Network newsletter, winter 2025",
        "newsletter",
        datetime.date(2025, 12, 1),
        ["news"],
        "Assembly results, new grants and dates for your diary.",
        [],
    ),
]

FORMAT_SUFFIX = {"easy_read": "Easy Read", "large_print": "large print"}

STEERING_GROUP = {
    "title": "Health assembly steering group",
    "slug": "health-assembly-steering-group",
    "description": (
        "<p>Plans the health assembly pilot, chooses its question with residents and checks "
        "that the partnership board answers every recommendation. Meetings are open to the "
        "public.</p>"
    ),
    "membership": (
        "<p>Two resident members from the Citizens' Panel, Healthwatch Kent, Healthwatch "
        "Medway, a voluntary sector representative and the NHS Kent and Medway engagement "
        "lead.</p>"
    ),
}

#: (title, days from today, status, agenda items, decisions).
STEERING_MEETINGS = [
    (
        "Steering group: choosing the question",
        -120,
        "held",
        ["Welcome and apologies", "Shortlist of questions from residents", "Recruitment plan"],
        [
            "Agreed the assembly question on mental health support.",
            "Agreed to recruit 45 participants through the Citizens' Panel.",
        ],
    ),
    (
        "Steering group: recruitment review",
        -30,
        "held",
        ["Minutes of the last meeting", "Who has signed up so far", "Access and adjustments"],
        [
            "Agreed to offer Easy Read invitations and BSL interpreters.",
            "Agreed travel expenses are paid on the day.",
        ],
    ),
    (
        "Steering group: preparing the assembly day",
        21,
        "upcoming",
        ["Minutes of the last meeting", "Running order for the day", "Any other business"],
        [],
    ),
]


def meeting_start(days):
    """An aware datetime ``days`` from today at 2 pm."""
    return at(timezone.localdate() + datetime.timedelta(days=days), 14)


def build(network, sites):
    """Build the network's library and committee, and Medway and Swale's; return summary lines."""
    library = resource_library(network)
    committee = steering_group(network)
    medway = sites["medway-swale.localhost"]
    local = involving_medway_group(medway)
    return [
        f"  {library.full_url}  resource library",
        f"  {committee.full_url}  committee meetings",
        f"  {local.full_url}  committee meetings",
    ]


def resource_library(network):
    """The network's resource library with its eight resources."""
    library = ResourceLibraryPageFactory(
        parent=network.root_page,
        show_in_menus=True,
        introduction=(
            "<p>Reports, plans, leaflets and guides from the network. Many come in Easy Read "
            "and large print; ask us for any other format.</p>"
        ),
    )
    for title, kind, published, topics, summary, extras in RESOURCES:
        formats = [("standard", make_document(title, [summary]))]
        for extra in extras:
            if extra == "bsl_video":
                formats.append((extra, "https://video.example.org/bsl/health-assembly-report"))
            else:
                name = f"{title} ({FORMAT_SUFFIX[extra]})"
                formats.append((extra, make_document(name, [summary])))
        ResourcePageFactory(
            parent=library,
            title=title,
            document_type=kind,
            publication_date=published,
            tags=topics,
            summary=summary,
            formats=formats,
        )
    return library


def steering_group(network):
    """The health assembly steering group and its three meetings."""
    committee = CommitteePageFactory(parent=network.root_page, show_in_menus=True, **STEERING_GROUP)
    for title, days, status, agenda, decisions in STEERING_MEETINGS:
        held = status == "held"
        MeetingPageFactory(
            parent=committee,
            title=title,
            starts_at=meeting_start(days),
            ends_at=meeting_start(days) + datetime.timedelta(hours=2),
            status=status,
            location_name="Council chamber, Gun Wharf, Chatham",
            location_address="Gun Wharf, Dock Road, Chatham ME4 4TR",
            online=True,
            online_details="Ask the engagement team for the joining link.",
            agenda="<ol>" + "".join(f"<li>{item}</li>" for item in agenda) + "</ol>",
            papers=[make_document(f"{title}: papers", agenda)],
            minutes_document=make_document(f"{title}: minutes", decisions) if held else None,
            minutes="<p>The group agreed the actions below.</p>" if held else "",
            decisions=[("decision", text) for text in decisions],
        )
    return committee


def involving_medway_group(site):
    """The Involving Medway steering group on the Medway and Swale site."""
    committee = CommitteePageFactory(
        parent=site.root_page,
        title="Involving Medway steering group",
        slug="steering-group",
        show_in_menus=True,
        description=(
            "<p>The seven community organisations of Involving Medway, meeting to plan "
            "grants, training for community health researchers and time credits.</p>"
        ),
        membership="<p>One member from each of the seven partner organisations.</p>",
    )
    MeetingPageFactory(
        parent=committee,
        title="Involving Medway: grants round review",
        starts_at=meeting_start(-60),
        status="held",
        location_name="Medway Voluntary Action, Chatham",
        minutes="<p>The group reviewed the first grants round.</p>",
        decisions=[("decision", "Agreed to open a second grants round in the spring.")],
    )
    MeetingPageFactory(
        parent=committee,
        title="Involving Medway: planning the year",
        starts_at=meeting_start(35),
        status="upcoming",
        location_name="",
        online=True,
    )
    return committee
