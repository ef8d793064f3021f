"""Inviting a register segment to a survey, with one-time links sent through the task queue.

Staff choose places, topics and roles on the survey's "Invite people" screen
(``/admin/surveys/<page id>/invitations/``); only people who agreed to be invited to
surveys (the register's ``invitations`` purpose) are in the segment. The screen enqueues
:func:`send_invitations`, which makes an :class:`~plugins.surveys.models.Invitation` for each
person not yet invited, with a random token whose SHA-256 alone is stored, and queues their
email in the outbox in the same transaction. A retried task skips those already invited, so
no one gets two. The screen shows how many have been sent.
"""

from django import forms
from django.contrib import messages
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from django_tasks import task
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from coproduction.models import Role, Topic
from coproduction.models.consent import Purpose
from coproduction.register.links import preferences_url
from coproduction.register.segments import Segment
from partnerships.models import PartnershipHomePage

from .admin_entry import editable_survey
from .answering import new_token
from .models import Invitation, SurveyPage
from .models.pages import Audience, Format


class SegmentForm(forms.Form):
    places = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Places"),
        queryset=PartnershipHomePage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("None ticked: every place."),
    )
    topics = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Topics"),
        queryset=Topic.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("None ticked: any topic."),
    )
    roles = forms.MultipleChoiceField(
        label=gettext_lazy("Roles"),
        choices=Role.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("None ticked: any role."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["places"].queryset = PartnershipHomePage.objects.live().order_by("title")

    def segment(self):
        data = self.cleaned_data
        return Segment(
            purpose=Purpose.INVITATIONS,
            places=tuple(place.pk for place in data["places"]),
            topics=tuple(topic.pk for topic in data["topics"]),
            roles=tuple(data["roles"]),
        )


def _link_page(survey, person):
    """The version to send ``person`` to: their language, Easy Read if that is their format."""
    page = survey
    if person.language and person.language != survey.locale.language_code:
        translated = (
            survey.get_translations().live().filter(locale__language_code=person.language).first()
        )
        page = translated.specific if translated else survey
    if person.format == Format.EASY_READ:
        version = SurveyPage.objects.live().filter(original=survey, format=Format.EASY_READ).first()
        page = version or page
    return page


def invite(survey, person):
    """Make ``person``'s invitation to ``survey`` and queue its email, in one transaction;
    ``None`` if they were already invited."""
    token, hashed = new_token()
    page = _link_page(survey, person)
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(
                survey=survey, person=person, token_hash=hashed, sent_at=timezone.now()
            )
            link = page.full_url + page.reverse_subpage("invitation", kwargs={"token": token})
            with translation.override(person.language or None):
                context = {
                    "survey": survey,
                    "person": person,
                    "link": link,
                    "preferences": preferences_url(person, survey.get_site()),
                }
                subject = _("Have your say: %(title)s") % {"title": survey.title}
                body = render_to_string("surveys/email/invitation.txt", context)
            EmailMessage(subject, body, None, [person.email]).send()
    except IntegrityError:
        return None
    return invitation


@task()
def send_invitations(survey_id, places, topics, roles):
    """Invite everyone in the segment who has not been invited to the survey yet."""
    survey = SurveyPage.objects.get(pk=survey_id)
    segment = Segment(
        purpose=Purpose.INVITATIONS, places=tuple(places), topics=tuple(topics), roles=tuple(roles)
    )
    already = Invitation.objects.filter(survey=survey).values("person_id")
    sent = 0
    for person in segment.people().exclude(pk__in=already).exclude(email="").iterator():
        if invite(survey, person) is not None:
            sent += 1
    return sent


class InvitationsView(WagtailAdminTemplateMixin, TemplateView):
    """Choose who to invite, see how many that is, send, and watch the count go up."""

    template_name = "surveys/admin/invitations.html"
    header_icon = "mail"

    def get_page_title(self):
        return _("Invite people to answer")

    def get_page_subtitle(self):
        return self.survey.title

    def dispatch(self, request, page_id):
        self.survey = editable_survey(request, page_id)
        return super().dispatch(request, page_id)

    def get(self, request, page_id):
        form = SegmentForm(request.GET or None)
        count = form.segment().count() if form.is_bound and form.is_valid() else None
        return self.render_to_response(self.get_context_data(form=form, count=count))

    def post(self, request, page_id):
        form = SegmentForm(request.POST)
        if self.survey.audience != Audience.INVITED:
            messages.error(request, _("This survey is not for invited people only."))
        elif form.is_valid():
            segment = form.segment()
            args = (self.survey.pk, list(segment.places), list(segment.topics), list(segment.roles))
            transaction.on_commit(lambda: send_invitations.enqueue(*args))
            messages.success(
                request,
                _("Sending invitations to %(count)s people.") % {"count": segment.count()},
            )
            return redirect("surveys_admin:invitations", self.survey.pk)
        return self.render_to_response(self.get_context_data(form=form, count=None))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        invitations = Invitation.objects.filter(survey=self.survey)
        context.update(
            survey=self.survey,
            invited=invitations.count(),
            sent=invitations.filter(sent_at__isnull=False).count(),
            answered=invitations.filter(response__status="submitted").count(),
            for_invited=self.survey.audience == Audience.INVITED,
        )
        return context
