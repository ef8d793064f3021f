"""Answering a survey: its pages, which questions are asked, the answers kept while the
person goes along, and the submission that stores them.

A survey is answered in **steps**: one question per step, or one section per step
(``SurveyPage.one_question_per_page``), with a consent step before the first "about you"
question. While the person goes along their answers are kept in the in-progress
:class:`~plugins.surveys.models.Response`'s ``draft`` (``{reference: value}``, values as
:func:`~plugins.surveys.fields.stored` makes them); nothing is counted until
:func:`submit` turns the draft into :class:`~plugins.surveys.models.Answer` rows, in one
transaction, and tells the site's plugins once it commits.

A question is **asked** when its condition holds on the answers kept so far; "about you"
questions only when the person agreed to equality monitoring. An answer to a question that
is no longer asked (the person went back and changed the answer it depends on) is dropped.
"""

import datetime
import hashlib
import logging
import secrets
from dataclasses import dataclass

from django import forms
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chorus.plugins import Statement, SubmittedResponse, hooks_for_site

from .fields import field_for, field_name, is_empty, shown, stored
from .models import Answer, HearBack, Response
from .models.pages import Format
from .questions import FREE_TEXT_KINDS, Question

logger = logging.getLogger(__name__)

#: The draft's key for the consent to equality monitoring.
CONSENT = "_equality_consent"

CONSENT_LABEL = _(
    "I agree that my answers to the “about you” questions may be used for equality "
    "monitoring. They are kept apart from my name and used only in counts."
)


@dataclass(frozen=True)
class Step:
    """One page of questions (``kind == "questions"``) or the equality-monitoring consent
    (``kind == "consent"``). ``number`` counts from 1, as in the page's address."""

    number: int
    kind: str
    questions: tuple[Question, ...] = ()
    heading: str = ""
    intro: str = ""


def steps_of(page):
    """The survey page's steps, in order."""
    steps = []
    consent_added = False
    for section in page.sections:
        if page.one_question_per_page:
            groups = [(question,) for question in section.questions]
        else:
            groups = [section.questions]
        for group in groups:
            if not consent_added and any(question.is_about_you for question in group):
                steps.append(Step(len(steps) + 1, "consent"))
                consent_added = True
            steps.append(
                Step(len(steps) + 1, "questions", tuple(group), section.heading, section.intro)
            )
    return steps


def is_asked(question, answers):
    """Whether ``question`` is asked, given the ``answers`` kept so far."""
    if question.is_about_you and not answers.get(CONSENT):
        return False
    condition = question.condition
    if condition is None:
        return True
    given = answers.get(condition.reference)
    if isinstance(given, list):
        return condition.value in given
    return given == condition.value


def kept_answers(questions, answers):
    """``answers`` without those to questions that are not asked, in question order."""
    kept = {CONSENT: answers[CONSENT]} if answers.get(CONSENT) else {}
    for question in questions:
        value = answers.get(question.reference)
        if not is_empty(value) and is_asked(question, kept):
            kept[question.reference] = value
    return kept


def step_is_asked(step, answers):
    if step.kind == "consent":
        return True
    return any(is_asked(question, answers) for question in step.questions)


def asked_steps(page, answers):
    """The steps asked, given ``answers`` (kept ones)."""
    return [step for step in steps_of(page) if step_is_asked(step, answers)]


def first_unanswered(page, answers):
    """The first asked step with a required question not answered, or ``None``."""
    for step in asked_steps(page, answers):
        for question in step.questions:
            if (
                question.required
                and not question.is_about_you
                and is_asked(question, answers)
                and is_empty(answers.get(question.reference))
            ):
                return step
    return None


class AnswersForm(forms.Form):
    """The questions of one step (or of a whole survey, for staff typing in a paper
    response), with the answers kept so far.

    After ``is_valid()``, :attr:`answers` holds the kept answers updated with this form's.
    Errors on questions that turn out not to be asked (their condition, on this same page,
    was not met) are dropped, and so are their answers.
    """

    def __init__(self, questions, earlier=None, *args, with_consent=False, **kwargs):
        self.questions = tuple(questions)
        self.earlier = dict(earlier or {})
        initial = {
            field_name(question.reference): shown(question, self.earlier[question.reference])
            for question in self.questions
            if question.reference in self.earlier
        }
        if with_consent:
            initial["equality_consent"] = bool(self.earlier.get(CONSENT))
        super().__init__(*args, initial=initial, **kwargs)
        if with_consent:
            self.fields["equality_consent"] = forms.BooleanField(
                label=CONSENT_LABEL, required=False
            )
        for question in self.questions:
            self.fields[field_name(question.reference)] = field_for(question)
        self.answers = dict(self.earlier)

    def question_fields(self):
        return [self[field_name(question.reference)] for question in self.questions]

    def clean(self):
        cleaned = super().clean()
        answers = dict(self.earlier)
        if "equality_consent" in self.fields:
            if cleaned.get("equality_consent"):
                # When it was given, kept until the response is sent (see ``submit``).
                answers[CONSENT] = answers.get(CONSENT) or timezone.now().isoformat()
            else:
                answers.pop(CONSENT, None)
        for question in self.questions:
            name = field_name(question.reference)
            if is_asked(question, answers):
                value = stored(question, cleaned.get(name))
                if value is None:
                    answers.pop(question.reference, None)
                else:
                    answers[question.reference] = value
            else:
                self._errors.pop(name, None)
                cleaned.pop(name, None)
                answers.pop(question.reference, None)
        self.answers = answers
        return cleaned


class ConsentForm(forms.Form):
    """Whether the person agrees to answer the "about you" questions."""

    equality_consent = forms.BooleanField(label=CONSENT_LABEL, required=False)


class FinishForm(forms.Form):
    """Hearing back, and quoting: both optional, on the "check your answers" page."""

    hear_back = forms.BooleanField(
        label=_("I would like to hear what happens as a result of this survey"),
        required=False,
    )
    hear_back_email = forms.EmailField(
        label=_("Email address"),
        required=False,
        help_text=_("We keep it apart from your answers, and use it only to tell you once."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    may_quote = forms.BooleanField(
        label=_("You may quote my words publicly, without my name"),
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        wants_to_hear = cleaned.get("hear_back") and not cleaned.get("hear_back_email")
        if wants_to_hear and "hear_back_email" not in self.errors:
            self.add_error(
                "hear_back_email",
                _("Enter your email address, so that we can tell you what happens"),
            )
        if not cleaned.get("hear_back"):
            cleaned["hear_back_email"] = ""
        return cleaned


# --- Starting, and save and come back later ----------------------------------------------


def token_hash(token):
    """The SHA-256 of a link's secret, as stored."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_token():
    """A random secret for a link, and its hash."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def version_fields(page):
    """What a response records about the version answered."""
    return {
        "survey": page.results_survey,
        "version": page,
        "language": page.locale.language_code,
        "easy_read": page.format == Format.EASY_READ,
    }


def start(page, *, user=None, person=None, invitation=None, channel=Response.Channel.ONLINE):
    """A new in-progress response to ``page`` (or, for an invitation, the one it already
    has). ``user`` and ``person`` are kept only when the survey is not anonymous."""
    identity = {}
    if not page.results_survey.anonymous:
        if invitation is not None and person is None:
            person = invitation.person
        identity = {"user": user, "person": person}
    if invitation is not None:
        response, _created = Response.objects.get_or_create(
            invitation=invitation, defaults={**version_fields(page), **identity}
        )
        return response
    return Response.objects.create(**version_fields(page), **identity, channel=channel)


def save_draft(response, page, answers, step=None):
    """Keep ``answers`` on the in-progress ``response``, as answered on ``page``."""
    fields = {
        "draft": kept_answers(page.questions, answers),
        "version": page,
        "language": page.locale.language_code,
        "easy_read": page.format == Format.EASY_READ,
        "updated_at": timezone.now(),
    }
    if step is not None:
        fields["step"] = step
    Response.objects.filter(pk=response.pk, status=Response.Status.IN_PROGRESS).update(**fields)
    for name, value in fields.items():
        setattr(response, name, value)


def make_resume_link_token(response):
    """Give ``response`` a new "come back later" secret (replacing any earlier one)."""
    token, hashed = new_token()
    Response.objects.filter(pk=response.pk).update(resume_token_hash=hashed)
    response.resume_token_hash = hashed
    return token


def resumable(page, token):
    """The in-progress response a resume link opens, or ``None`` (unknown, used, or the
    survey has closed)."""
    if not token or not page.results_survey.is_open():
        return None
    return Response.objects.filter(
        survey=page.results_survey,
        status=Response.Status.IN_PROGRESS,
        resume_token_hash=token_hash(token),
    ).first()


# --- Submitting ---------------------------------------------------------------------------


class AlreadySubmitted(Exception):
    """The response (or the invitation's response) was already submitted."""


class Incomplete(Exception):
    """A required question has no answer; ``step`` is where it is asked."""

    def __init__(self, step):
        super().__init__(step)
        self.step = step


def answer_rows(response, questions, answers):
    """The :class:`Answer` rows for the kept ``answers`` (see ``factories.submitted_response``
    for the shape)."""
    rows = []
    for question in questions:
        value = answers.get(question.reference)
        if is_empty(value):
            continue
        values = value if isinstance(value, list) else [value]
        for place, item in enumerate(values, 1):
            row = Answer(
                response=response, survey_id=response.survey_id, question=question.reference
            )
            if question.kind in FREE_TEXT_KINDS:
                row.text = str(item)
                row.value = str(item)[:255] if question.kind == "short_text" else ""
            elif question.kind == "number":
                row.number = item
                row.value = str(item)
            else:
                row.value = str(item)
                row.rank = place if question.kind == "ranking" else None
            rows.append(row)
    return rows


def submit(response, page, *, site, user=None, may_quote=False, hear_back_email=""):
    """Store ``response``'s kept answers as :class:`Answer` rows and mark it submitted, in
    one transaction; tell the site's plugins once it commits.

    The response row is locked first, so of any number of submissions of one response
    (one invitation's, say) arriving together exactly one goes through; the others raise
    :class:`AlreadySubmitted`. Raises :class:`Incomplete` when a required question that is
    asked has no answer.
    """
    try:
        with transaction.atomic():
            locked = Response.objects.select_for_update().get(pk=response.pk)
            if locked.status == Response.Status.SUBMITTED:
                raise AlreadySubmitted
            answers = kept_answers(page.questions, locked.draft)
            missing = first_unanswered(page, answers)
            if missing is not None:
                raise Incomplete(missing)
            Answer.objects.bulk_create(answer_rows(locked, page.questions, answers))
            record_equality_consent(locked, page, answers)
            locked.status = Response.Status.SUBMITTED
            locked.submitted_at = timezone.now()
            locked.may_quote = bool(may_quote)
            locked.draft = {}
            locked.resume_token_hash = ""
            locked.save()
            if hear_back_email:
                ask_to_hear_back(locked, hear_back_email)
            user_id = user.pk if user is not None and user.is_authenticated else None
            transaction.on_commit(lambda: announce(site, locked.pk, user_id))
    except IntegrityError as error:
        # Another submission of the same invitation won the race.
        raise AlreadySubmitted from error
    response.refresh_from_db()
    return response


def record_equality_consent(response, page, answers):
    """Keep, with the response, when the person agreed to the "about you" questions and the
    exact words they agreed to (in the language they read them in), if they answered any."""
    about_you = any(
        question.is_about_you and question.reference in answers for question in page.questions
    )
    if not about_you:
        return
    given = answers.get(CONSENT)
    response.equality_consent_at = (
        datetime.datetime.fromisoformat(given) if isinstance(given, str) else timezone.now()
    )
    response.equality_consent_wording = str(CONSENT_LABEL)


def ask_to_hear_back(response, email):
    """Keep ``email`` to tell about the survey's outcome: apart from the answers, once per
    address and survey."""
    existing = HearBack.objects.filter(survey_id=response.survey_id, email__iexact=email)
    if existing.exists():
        return
    try:
        with transaction.atomic():
            HearBack.objects.create(
                survey_id=response.survey_id,
                email=email,
                language=response.language,
                easy_read=response.easy_read,
            )
    except IntegrityError:
        pass  # asked at the same moment from another tab


def submitted_response(response):
    """What the site's plugins hear about ``response``: its free-text words, no identity."""
    survey = response.survey.specific
    labels = {question.reference: question.label for question in survey.questions}
    statements = tuple(
        Statement(prompt=labels.get(answer.question, answer.question), text=answer.text)
        for answer in response.answers.order_by("pk")
        if answer.text
    )
    return SubmittedResponse(
        key=f"surveys:response:{response.pk}",
        kind=str(_("Survey response")),
        source=survey.title,
        url=survey.full_url or "",
        submitted_at=response.submitted_at,
        statements=statements,
        topics=tuple(survey.topics.values_list("name", flat=True)),
        language=response.language,
        may_quote=response.may_quote,
    )


def announce(site, response_id, user_id=None):
    """Tell the plugins on ``site`` about a submitted response; for a signed-in person, that
    they took part (time credits may be earned). Problems are logged; the response stays."""
    from django.contrib.auth import get_user_model

    response = Response.objects.select_related("survey").get(pk=response_id)
    hooks = hooks_for_site(site)
    try:
        hooks.chorus_on_response_submitted(site=site, response=submitted_response(response))
    except Exception:
        logger.exception("A listener failed on survey response %s", response_id)
    if user_id is None:
        return
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        return
    survey = response.survey
    try:
        hooks.chorus_on_participation(
            site=site,
            user=user,
            description=str(_("Answered the survey “%(title)s”") % {"title": survey.title}),
            key=f"surveys:{survey.pk}:{user.pk}",
        )
    except Exception:
        logger.exception("A listener failed on taking part in survey %s", survey.pk)
