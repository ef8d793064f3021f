"""The ideas demo: West Kent's idea board on getting to appointments.

The board, its ideas, supports and comments are invented for the demo (authors at
example.org, no accounts). Ideas are in every status, one was hidden after a report (the
public moderation log shows the decision and its reason), and one waits for a moderator.
Statuses are set as rows, so seeding sends no email. Everything is looked up first, so a
second run changes nothing.
"""

import datetime

from django.utils import timezone

from coproduction.factories import TopicFactory

from .factories import IdeaBoardPageFactory
from .models import Comment, Decision, Idea, StatusChange, Support, Visibility

WEST_KENT = "west-kent.localhost"
HOSTNAMES = (WEST_KENT,)
Status = Idea.Status

#: (title, description, author's name, status, reason, days ago, supporters, visibility)
IDEAS = [
    (
        "A volunteer car scheme for the villages around Tonbridge",
        "Many of us in the villages have no bus that gets to Pembury before 10am. A scheme "
        "where volunteer drivers are paid their mileage would get people to morning "
        "appointments.",
        "Margaret",
        Status.TAKEN_FORWARD,
        "The partnership will fund a six-month pilot with two community transport "
        "charities from April, starting with Paddock Wood and Horsmonden.",
        40,
        9,
        Visibility.PUBLISHED,
    ),
    (
        "Let us choose appointment times that match the buses",
        "When the hospital books my appointment for 8.30 I cannot get there by bus. Please "
        "ask people about their transport before booking.",
        "Tom",
        Status.UNDER_CONSIDERATION,
        "The outpatients team at Maidstone Hospital is looking at adding a question about "
        "travel to the booking call.",
        25,
        7,
        Visibility.PUBLISHED,
    ),
    (
        "Free parking for carers at Maidstone Hospital",
        "Carers who bring someone to every appointment pay for parking each time.",
        "",
        Status.DONE,
        "Carers with a carer's card now park free: ask at the main reception for a permit.",
        60,
        12,
        Visibility.PUBLISHED,
    ),
    (
        "Move all clinics to Tunbridge Wells",
        "One big site would be simpler than clinics spread across West Kent.",
        "Alex",
        Status.NOT_TAKEN_FORWARD,
        "Moving every clinic to one site would make journeys longer for most people in "
        "Maidstone and Malling, so we are keeping local clinics.",
        30,
        1,
        Visibility.PUBLISHED,
    ),
    (
        "Video appointments for follow-ups",
        "For a quick check after an operation, a video call would save a two-hour round trip.",
        "Priya",
        Status.NEW,
        "",
        3,
        4,
        Visibility.PUBLISHED,
    ),
    (
        "Text reminders that say which bus to take",
        "The reminder text could link to the journey planner for the clinic's address.",
        "Sam",
        Status.NEW,
        "",
        1,
        0,
        Visibility.PENDING,
    ),
]

COMMENTS = {
    "A volunteer car scheme for the villages around Tonbridge": [
        "I would happily drive on Tuesdays and Thursdays.",
        "Please make sure the cars can take a folded wheelchair.",
    ],
    "Video appointments for follow-ups": ["Only if there is still a choice to go in person."],
}
HIDDEN_COMMENT = "Everyone at the Pembury clinic is useless, especially the receptionist."
HIDDEN_REASON = "It names staff and is not about the service (house rule 1)."


def build(context):
    """Build West Kent's idea board with ideas in each status; return summary lines."""
    site = context.sites[WEST_KENT]
    topic = TopicFactory(name="GP and primary care", slug="gp-and-primary-care")
    board = IdeaBoardPageFactory(
        parent=site.root_page, slug="getting-to-appointments", topic=topic, show_in_menus=True
    )
    now = timezone.now()
    for number, row in enumerate(IDEAS):
        title, text, name, status, reason, days, supporters, visibility = row
        when = now - datetime.timedelta(days=days)
        idea, created = Idea.objects.get_or_create(
            board=board,
            title=title,
            defaults={
                "description": text,
                "author_name": name,
                "author_email": f"west-kent.idea{number + 1}@example.org",
                "status": status,
                "status_reason": reason,
                "visibility": visibility,
                "created_at": when,
                "published_at": when if visibility == Visibility.PUBLISHED else None,
            },
        )
        if not created:
            continue
        if status != Status.NEW:
            StatusChange.objects.create(
                idea=idea,
                status=status,
                reason=reason,
                changed_at=when + datetime.timedelta(days=min(days, 7) // 2 + 1),
                notified_at=now,  # the demo's history: nobody is emailed
            )
        Support.objects.bulk_create(
            Support(
                idea=idea,
                email=f"west-kent.supporter{n + 1}@example.org",
                created_at=when + datetime.timedelta(hours=n + 1),
            )
            for n in range(supporters)
        )
        for text in COMMENTS.get(title, []):
            Comment.objects.create(
                idea=idea,
                text=text,
                author_email="west-kent.commenter@example.org",
                visibility=Visibility.PUBLISHED,
                created_at=when + datetime.timedelta(days=1),
                published_at=when + datetime.timedelta(days=1),
            )
        if number == 0:
            hidden = Comment.objects.create(
                idea=idea,
                text=HIDDEN_COMMENT,
                author_email="west-kent.angry@example.org",
                visibility=Visibility.HIDDEN,
                created_at=when + datetime.timedelta(days=2),
                published_at=when + datetime.timedelta(days=2),
            )
            Decision.objects.create(
                board=board,
                idea=idea,
                comment=hidden,
                action=Decision.Action.HIDE,
                reason=HIDDEN_REASON,
                decided_at=when + datetime.timedelta(days=3),
            )
    return [f"Ideas: {board.full_url} ({board.ideas.count()} ideas)"]
