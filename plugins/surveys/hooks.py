"""The surveys plugin's Chorus hook implementations (called only where surveys is on)."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from chorus.plugins import (
    DemoSection,
    GetInvolvedItem,
    PersonToTell,
    hookimpl,
    in_default_language,
    in_enabled_sites,
    sites_with,
)


def open_surveys(sites):
    """Live standard surveys open now on ``sites`` that anyone or any signed-in person may
    answer, closing soonest first."""
    from .models import SurveyPage
    from .models.pages import Audience, Format

    now = timezone.now()
    surveys = SurveyPage.objects.live().filter(
        Q(opens_at__isnull=True) | Q(opens_at__lte=now),
        Q(closes_at__isnull=True) | Q(closes_at__gt=now),
        format=Format.STANDARD,
        original__isnull=True,
        audience__in=[Audience.ANYONE, Audience.SIGNED_IN],
    )
    return in_enabled_sites(surveys, "surveys", sites).order_by("closes_at", "pk")


@hookimpl
def chorus_register_get_involved(site, request, across_network):
    """ "Have your say": the open survey that closes soonest (through its consultation, when
    it belongs to one), and how many are open."""
    from .models import ConsultationPage

    sites = sites_with("surveys") if across_network else [site]
    surveys = list(open_surveys(sites).filter(locale=Locale.get_active()))
    if not surveys:
        surveys = list(open_surveys(sites).filter(locale=Locale.get_default()))
    if not surveys:
        return []
    first = surveys[0]
    # A consultation's survey is offered through the consultation, whose page says what is
    # proposed and why before anyone answers.
    consultation = ConsultationPage.objects.live().filter(survey=first).first()
    target = consultation or first
    title = in_default_language(target.title)
    if len(surveys) == 1:
        summary = _("Tell us what you think in “%(title)s”.") % {"title": title}
    else:
        summary = _("%(count)s surveys are open, including “%(title)s”.") % {
            "count": len(surveys),
            "title": title,
        }
    if consultation is None:
        action = _("Answer “%(title)s”") % {"title": title}
    else:
        action = _("Read about and answer “%(title)s”") % {"title": title}
    return [
        GetInvolvedItem(
            heading=str(_("Have your say")),
            summary=str(summary),
            url=target.get_url(request) or target.url,
            action=str(action),
            order=15,
        )
    ]


@hookimpl
def chorus_export_personal_data(email):
    """Identified survey responses (with their answers), requests to hear back, and
    invitations sent to the person's register entry."""
    from .models import HearBack, Invitation, Response

    responses = (
        Response.objects.filter(Q(user__email__iexact=email) | Q(person__email__iexact=email))
        .select_related("survey")
        .prefetch_related("answers")
        .order_by("pk")
    )
    hear_back = HearBack.objects.filter(email__iexact=email).select_related("survey")
    invitations = Invitation.objects.filter(person__email__iexact=email).select_related("survey")
    found = {}
    if responses:
        found["survey responses"] = [
            {
                "survey": response.survey.title,
                "status": response.status,
                "how": response.channel,
                "started": response.started_at.isoformat(),
                "submitted": response.submitted_at.isoformat() if response.submitted_at else None,
                "answers": [
                    {"question": a.question, "answer": a.text or a.value}
                    for a in response.answers.all()
                ],
                "answers in progress": response.draft,
            }
            for response in responses
        ]
    if hear_back:
        found["survey hear-back requests"] = [
            {"survey": row.survey.title, "email": row.email, "asked": row.created_at.isoformat()}
            for row in hear_back
        ]
    if invitations:
        found["survey invitations"] = [
            {
                "survey": row.survey.title,
                "sent": row.sent_at.isoformat() if row.sent_at else None,
            }
            for row in invitations
        ]
    return found


@hookimpl
def chorus_erase_personal_data(email):
    """Unlink identified responses from the person (their choices still count; their own
    words are replaced), and replace the address of their requests to hear back."""
    from .models import Answer, HearBack, Response

    responses = Response.objects.filter(
        Q(user__email__iexact=email) | Q(person__email__iexact=email)
    )
    ids = list(responses.values_list("pk", flat=True))
    changed = Response.objects.filter(pk__in=ids).update(user=None, person=None, draft={})
    Answer.objects.filter(response_id__in=ids).exclude(text="").update(text="(erased)", value="")
    for row in HearBack.objects.filter(email__iexact=email):
        row.email = f"erased-{row.pk}@erased.invalid"
        row.save(update_fields=["email"])
        changed += 1
    return changed


@hookimpl
def chorus_sees_personal_data(user):
    """Staff with ``surveys.view_response`` see who answered identified surveys (their email
    addresses, in the exports); people who may edit a survey page reach its staff screens,
    which show who typed in paper responses and the register people invited."""
    from wagtail.permission_policies.pages import PagePermissionPolicy

    from .models import SurveyPage
    from .results_access import VIEW_RESPONDENTS

    if user.has_perm(VIEW_RESPONDENTS):
        return True
    pages = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return pages.type(SurveyPage).exists()


@hookimpl
def chorus_register_dashboard_panels(user, request):
    """Surveys the person started and has not sent yet (surveys that keep who answered),
    each with a link to carry on."""
    from wagtail.models import Site

    from chorus.plugins import Panel

    from .models import Response

    site = Site.find_for_request(request)
    started = [
        response
        for response in Response.objects.filter(
            user=user, status=Response.Status.IN_PROGRESS, version__live=True
        )
        .select_related("version", "survey")
        .order_by("-updated_at")[:10]
        if response.survey.specific.is_open()
        and site is not None
        and response.version.get_site() == site
    ]
    if not started:
        return []
    rows = [(response.version.title, response.version.get_url(request)) for response in started]
    return [
        Panel(
            title=str(_("Surveys you have started")),
            template_name="surveys/panels/started.html",
            context={"started": rows},
            order=35,
        )
    ]


@hookimpl
def chorus_people_to_tell(site, source):
    """Everyone who asked to hear back about the consultation a recommendation came from
    (its survey, in every language), in their language and format."""
    from .consultations import hear_back_requests
    from .models import ConsultationPage

    if not isinstance(source.page, ConsultationPage):
        return []
    return [
        PersonToTell(
            email=request.email,
            language=request.language,
            format="easy_read" if request.easy_read else "",
            consented=True,
        )
        for request in hear_back_requests(source.page).order_by("pk")
    ]


@hookimpl
def chorus_register_demo_sections():
    """Medway and Swale's consultations: one open (English, Easy Read, Polish), one closed
    with its published response."""
    # Imported here: the demo builds on factory-boy, which production does not install.
    from . import demo

    return [DemoSection(build=demo.build, hostnames=demo.HOSTNAMES)]
