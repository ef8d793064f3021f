"""Responses to surveys, and what is kept beside them.

A :class:`Response` belongs to the survey its answers count towards
(``SurveyPage.results_survey``) and remembers the version that was answered (language and
format). Each :class:`Answer` is one value for one question reference: a choice question
answered with three options has three answers, a ranking one answer per option with its
``rank``. Answers carry their survey too, so results are counted from one table.

Someone who asks to hear back gives an address that is kept in :class:`HearBack`, apart from
their answers, so an anonymous response stays anonymous.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Invitation(models.Model):
    """One person on the register invited to answer a survey, with a one-time link.

    The link carries a random token; only its SHA-256 hash is stored. The response made
    through it is unique (``Response.invitation``), so one invitation never gives two
    responses, even when submissions arrive together.
    """

    survey = models.ForeignKey(
        "surveys.SurveyPage", on_delete=models.CASCADE, related_name="invitations"
    )
    person = models.ForeignKey(
        "coproduction.Person", on_delete=models.CASCADE, related_name="survey_invitations"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "person"], name="surveys_one_invitation_per_person"
            )
        ]

    def __str__(self):
        return str(_("Invitation to %(survey)s") % {"survey": self.survey})


class Response(models.Model):
    """One person's answers to a survey, in progress or submitted."""

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        SUBMITTED = "submitted", _("Submitted")

    class Channel(models.TextChoices):
        ONLINE = "online", _("Online")
        PAPER = "paper", _("Paper")
        PHONE = "phone", _("Phone")

    survey = models.ForeignKey(
        "surveys.SurveyPage", on_delete=models.PROTECT, related_name="responses"
    )
    version = models.ForeignKey(
        "surveys.SurveyPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The version that was answered."),
    )
    language = models.CharField(_("language"), max_length=20, default="en-gb")
    easy_read = models.BooleanField(_("Easy Read"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IN_PROGRESS
    )
    channel = models.CharField(
        _("how it came in"), max_length=20, choices=Channel.choices, default=Channel.ONLINE
    )
    invitation = models.OneToOneField(
        Invitation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="response",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="survey_responses",
        help_text=_("Kept only for surveys that are not anonymous."),
    )
    person = models.ForeignKey(
        "coproduction.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="survey_responses",
        help_text=_("Kept only for surveys that are not anonymous."),
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The member of staff who typed in a paper or phone response."),
    )
    #: SHA-256 of the secret in the "save and come back later" link.
    resume_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    #: Where the person got to: the index of the next page of questions.
    step = models.PositiveIntegerField(default=0)
    #: The answers given so far, while in progress (``{reference: value}``, see
    #: ``answering``); emptied when the answers are stored as :class:`Answer` rows.
    draft = models.JSONField(default=dict, blank=True)
    may_quote = models.BooleanField(
        _("agreed to be quoted"),
        default=False,
        help_text=_(
            "The person agreed that their words may be quoted publicly, without their name."
        ),
    )
    equality_consent_at = models.DateTimeField(
        _("agreed to equality monitoring"),
        null=True,
        blank=True,
        help_text=_("When the person agreed that their “about you” answers may be used."),
    )
    equality_consent_wording = models.TextField(
        _("equality monitoring wording agreed to"),
        blank=True,
        help_text=_("The exact words they agreed to, in the language they read them in."),
    )
    started_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        indexes = [models.Index(fields=["survey", "status"], name="surveys_resp_survey_status")]

    def __str__(self):
        return str(
            _("Response %(number)s to %(survey)s") % {"number": self.pk, "survey": self.survey}
        )


class Answer(models.Model):
    """One value given for one question of a response (see the module docstring)."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    survey = models.ForeignKey("surveys.SurveyPage", on_delete=models.CASCADE, related_name="+")
    question = models.CharField(_("question reference"), max_length=80)
    #: An option's value, a rating, an ISO date, a postcode, or a short text's first 255
    #: characters ("" for long text).
    value = models.CharField(_("value"), max_length=255, blank=True)
    #: The whole text of a free-text answer.
    text = models.TextField(_("text"), blank=True)
    number = models.DecimalField(
        _("number"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    #: A ranking's place for this option: 1 is first.
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True)
    themes = models.ManyToManyField("surveys.Theme", blank=True, related_name="answers")

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        indexes = [
            models.Index(fields=["survey", "question", "value"], name="surveys_answer_count"),
        ]

    def __str__(self):
        return f"{self.question}: {self.value or self.text[:40]}"


class Theme(models.Model):
    """A theme staff tag free-text answers with ("Transport", "Waiting times")."""

    survey = models.ForeignKey(
        "surveys.SurveyPage", on_delete=models.CASCADE, related_name="themes"
    )
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [
            models.UniqueConstraint(
                "survey", Lower("name"), name="surveys_theme_unique_name_per_survey"
            )
        ]

    def __str__(self):
        return self.name


class HearBack(models.Model):
    """Someone who asked to be told what came of a survey, in their language and format."""

    survey = models.ForeignKey(
        "surveys.SurveyPage", on_delete=models.CASCADE, related_name="hear_back_requests"
    )
    email = models.EmailField(_("email address"))
    language = models.CharField(_("language"), max_length=20, default="en-gb")
    easy_read = models.BooleanField(_("Easy Read"), default=False)
    created_at = models.DateTimeField(default=timezone.now)
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("request to hear back")
        verbose_name_plural = _("requests to hear back")
        constraints = [
            models.UniqueConstraint(
                "survey", Lower("email"), name="surveys_hear_back_once_per_address"
            )
        ]

    def __str__(self):
        return self.email
