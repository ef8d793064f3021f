""" "You said, we did" in the demo: trackers on the network home and on Medway and Swale's and
West Kent's sites, and five recommendations (from the health assembly pilot, the Sheppey
consultation, a West Kent idea, the Walderslade Together spotlight and a steering group
decision) with commitments in every status and their dated updates.

Found by site and title (recommendations) and by recommendation and action (commitments) on a
second run, and left as they are. The updates are the demo's history: nobody is emailed.
Owners are accounts that cannot sign in (no password); reminders would go to them. Without
people (no ``DEBUG``, no ``--with-admin``) no account is made, so the recommendations are built
without their commitments.
"""

import datetime

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from chorus.common.site_urls import site_url
from coproduction.factories import YouSaidWeDidPageFactory
from coproduction.models import Commitment, CommitmentUpdate, Recommendation, SourceKind

MEDWAY = "medway-swale.localhost"
WEST_KENT = "west-kent.localhost"

Status = Commitment.Status

#: The owners: (email, first name, last name).
OWNERS = {
    "nhs": ("engagement.lead@example.org", "Femi", "Adebayo"),
    "council": ("medway.council.engagement@example.org", "Claire", "Dunmore"),
    "healthwatch": ("healthwatch.kent.lead@example.org", "Harriet", "Nolan"),
}

INTRODUCTION = (
    "<p>What you told us in assemblies, consultations, ideas and meetings, what the partners "
    "promised to do about it, and how each promise is going. Each update is dated. If you "
    "took part and asked to hear back, we email you when a status changes.</p>"
)


def page(slug, model, under):
    """The live page of ``model`` ("app_label.model") with ``slug`` under ``under``, or None."""
    app_label, name = model.split(".")
    try:
        kind = apps.get_model(app_label, name)
    except LookupError:
        return None
    return kind.objects.descendant_of(under).filter(slug=slug).first()


def sources(network, sites):
    """``{key: (kind, page or None, object or None, label, url)}`` for the five sources that
    exist in this demo."""
    found = {}
    assembly = page("health-assembly-pilot", "coproduction.AssemblyPage", network.root_page)
    if assembly:
        found["assembly"] = (SourceKind.ASSEMBLY, assembly, None, assembly.title, "")
    consultation = page(
        "sheppey-community-nursing-clinics",
        "surveys.ConsultationPage",
        sites[MEDWAY].root_page,
    )
    if consultation:
        found["consultation"] = (
            SourceKind.CONSULTATION,
            consultation,
            None,
            consultation.title,
            "",
        )
    spotlight = page("walderslade-together", "partnerships.SpotlightPage", sites[MEDWAY].root_page)
    if spotlight:
        found["spotlight"] = (SourceKind.SPOTLIGHT, spotlight, None, spotlight.title, "")
    meeting = page(
        "steering-group-recruitment-review", "publications.MeetingPage", network.root_page
    )
    if meeting:
        found["meeting"] = (SourceKind.MEETING, meeting, None, meeting.title, "")
    try:
        idea_model = apps.get_model("ideas", "Idea")
    except LookupError:
        idea_model = None
    if idea_model is not None:
        idea = idea_model.objects.filter(
            title="A volunteer car scheme for the villages around Tonbridge"
        ).first()
        if idea:
            # An idea has no page of its own: link to its address on West Kent's site.
            url = site_url(sites[WEST_KENT], reverse("ideas:idea", args=[idea.pk]))
            found["idea"] = (SourceKind.IDEA, None, idea, idea.title, url)
    return found


def owner(key):
    """The demo account that owns the commitments of the organisation ``key``."""
    email, first_name, last_name = OWNERS[key]
    user, created = get_user_model().objects.get_or_create(
        username=email,
        defaults={"email": email, "first_name": first_name, "last_name": last_name},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
        # Owners update their commitments in the admin, where reminders link.
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
    return user


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def in_days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def recommendations():
    """(source key, site hostname or "network", title, what people said, made days ago,
    commitments); each commitment is (organisation, owner key, action, due in days, status,
    reason, [(days ago, new status or "", text)])."""
    return [
        (
            "assembly",
            "network",
            "One phone number for mental health help, day and night",
            "In the pilot's listening sessions, Citizens' Panel members said they did not know "
            "whom to call in a crisis, and were passed between services.",
            70,
            [
                (
                    "NHS Kent and Medway",
                    "nhs",
                    "Put the 24-hour mental health line on every GP practice website",
                    -12,
                    Status.IN_PROGRESS,
                    "",
                    [
                        (60, Status.IN_PROGRESS, "Practices in Medway have been sent the wording."),
                        (20, "", "42 of 58 practice websites now show the number."),
                    ],
                ),
            ],
        ),
        (
            "consultation",
            MEDWAY,
            "Keep a nurse-led clinic in Sheerness",
            "Most people who answered the consultation said the bus to the community hospital "
            "takes too long for people who need dressings changed twice a week.",
            45,
            [
                (
                    "NHS Kent and Medway",
                    "nhs",
                    "Keep the Sheerness clinic open two days a week",
                    -10,
                    Status.DONE,
                    "",
                    [
                        (40, Status.IN_PROGRESS, "Space agreed at the Sheerness health centre."),
                        (12, Status.DONE, "The clinic is open on Tuesdays and Fridays."),
                    ],
                ),
                (
                    "Medway Council",
                    "council",
                    "Run a community bus to the community hospital for the other days",
                    60,
                    Status.NOT_DOING,
                    "The route would cost more than the council's transport budget allows; "
                    "we asked the community transport charities instead.",
                    [(30, Status.NOT_DOING, "")],
                ),
            ],
        ),
        (
            "idea",
            WEST_KENT,
            "Volunteer drivers for the villages around Tonbridge",
            "Supporters of the idea said there is no bus from the villages that reaches "
            "Pembury before 10am.",
            35,
            [
                (
                    "Kent County Council",
                    "council",
                    "Pay volunteer drivers' mileage in a six-month pilot",
                    90,
                    Status.IN_PROGRESS,
                    "",
                    [(25, Status.IN_PROGRESS, "Two charities have recruited eleven drivers.")],
                ),
            ],
        ),
        (
            "spotlight",
            MEDWAY,
            "Reach people who are alone at home in Walderslade",
            "People who talked to Walderslade Together said loneliness was worst for people "
            "who had recently left hospital.",
            100,
            [
                (
                    "Medway Council",
                    "council",
                    "Tell Walderslade Together about people leaving hospital who live alone "
                    "(with their consent)",
                    -7,
                    Status.NOT_STARTED,
                    "",
                    [],
                ),
            ],
        ),
        (
            "meeting",
            "network",
            "Easy Read invitations and BSL interpreters for every assembly",
            "The steering group agreed it after hearing from Healthwatch Kent's reading group.",
            30,
            [
                (
                    "Healthwatch Kent",
                    "healthwatch",
                    "Test the Easy Read invitation with a reading group before it is sent",
                    -5,
                    Status.DONE,
                    "",
                    [(8, Status.DONE, "The reading group's changes are in the invitation.")],
                ),
            ],
        ),
    ]


def build_accountability(network, sites, organisations, *, with_people=True):
    """Build the trackers and the five recommendations, and (``with_people``: their owners are
    accounts) their commitments and updates; return summary lines."""
    for home in (network.root_page, sites[MEDWAY].root_page, sites[WEST_KENT].root_page):
        YouSaidWeDidPageFactory(
            parent=home, slug="you-said-we-did", introduction=INTRODUCTION, show_in_menus=True
        )
    found = sources(network, sites)
    made = 0
    for key, host, title, said, days, commitments in recommendations():
        if key not in found:
            continue
        kind, source_page, source_object, label, url = found[key]
        site = network if host == "network" else sites[host]
        recommendation = Recommendation.objects.filter(site=site, title=title).first()
        if recommendation is None:
            recommendation = Recommendation(
                site=site,
                title=title,
                what_people_said=said,
                source_kind=kind,
                source_page=source_page,
                source_object_id=source_object.pk if source_object else None,
                source_label=label,
                source_url=url,
                made_on=timezone.localdate() - datetime.timedelta(days=days),
            )
            recommendation.clean()
            recommendation.save()
            if host != "network":
                recommendation.places.set([sites[host].root_page_id])
            made += 1
        if not with_people:
            continue
        for name, owner_key, action, due, status, reason, updates in commitments:
            if Commitment.objects.filter(recommendation=recommendation, action=action).exists():
                continue
            commitment = Commitment.objects.create(
                recommendation=recommendation,
                action=action,
                organisation=organisations[name],
                owner=owner(owner_key),
                due_date=in_days(due),
                status=status,
                reason=reason,
            )
            old = Status.NOT_STARTED
            for ago, new_status, text in updates:
                CommitmentUpdate.objects.create(
                    commitment=commitment,
                    made_at=days_ago(ago),
                    old_status=old if new_status else "",
                    new_status=new_status,
                    text=text,
                )
                old = new_status or old
    total = Recommendation.objects.count()
    return [
        f"You said, we did: {total} recommendations tracked ({made} new), on "
        f"{network.root_url}/you-said-we-did/ and each partnership's tracker."
    ]
