"""Consultations: the page that bundles a proposal, its documents, the survey and the
roadshow, and what is kept beside it once it closes.

Editors write the consultation and, once it closes, the response ("we asked, you said, we
did") on the :class:`ConsultationPage` itself, so it is translated and revised like the rest
of the page. Publishing the response is a separate, permission-checked action
(:mod:`plugins.surveys.consultations`) recorded in a :class:`ResponsePublication` row, kept
apart from the page's revisions so that a later edit of the page can never unpublish it,
and it carries the progress of the hear-back emails.

A :class:`Quote` is a free-text answer staff choose to show on the published response. It
may only come from a response whose author agreed to be quoted, and it is shown only after a
member of staff has redacted it; every redaction is a :class:`QuoteRedaction` row.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from chorus.caching.restrictions import CachedViewRestrictionsMixin
from chorus.plugins import PluginPageMixin

from ..questions import FREE_TEXT_KINDS


class DocumentFormat(models.TextChoices):
    EASY_READ = "easy_read", _("Easy Read")
    LARGE_PRINT = "large_print", _("Large print")
    AUDIO = "audio", _("Audio")
    BSL = "bsl", _("British Sign Language (BSL) video")
    LANGUAGE = "language", _("Another language")
    BRAILLE = "braille", _("Braille")


class OtherFormatBlock(blocks.StructBlock):
    """The consultation document in another format: a document or a link."""

    format = blocks.ChoiceBlock(label=_("format"), choices=DocumentFormat.choices)
    language = blocks.CharBlock(
        label=_("language"),
        required=False,
        max_length=60,
        help_text=_("For another language: which one, in its own words (e.g. 'Polski')."),
    )
    document = DocumentChooserBlock(label=_("document"), required=False)
    link = blocks.URLBlock(label=_("or a link"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("document") and not value.get("link"):
            raise blocks.StructBlockValidationError(
                block_errors={"document": ValidationError(_("Choose a document or give a link."))}
            )
        return value

    class Meta:
        icon = "doc-full"
        label = _("Another format")


class StopBlock(blocks.StructBlock):
    """A roadshow stop or meeting where people can find out more and have their say."""

    place = blocks.CharBlock(label=_("place"), max_length=200)
    starts = blocks.DateTimeBlock(label=_("date and time"))
    address = blocks.TextBlock(label=_("address"), required=False)
    page = blocks.PageChooserBlock(
        label=_("its page on this site"),
        required=False,
        help_text=_("An event page with the details, if there is one."),
    )

    class Meta:
        icon = "site"
        label = _("Roadshow stop or meeting")


class ConsultationPage(CachedViewRestrictionsMixin, PluginPageMixin, Page):
    """A formal public consultation: what is proposed and why, its documents in every format,
    the survey, where to meet us, and, once it closes, the published response.

    The page says when decisions will be made and that every response will be
    conscientiously considered (the Gunning principles), and shows its status: open, closed
    and awaiting the response, or the response published.
    """

    chorus_plugin = "surveys"

    class Status(models.TextChoices):
        UPCOMING = "upcoming", _("Opens soon")
        OPEN = "open", _("Open")
        AWAITING = "awaiting", _("Closed: awaiting our response")
        RESPONDED = "responded", _("Closed: response published")

    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences shown in listings.")
    )
    proposal = RichTextField(
        _("what we propose and why"),
        help_text=_(
            "The options still open, and enough of the reasons for people to give an "
            "informed answer."
        ),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("consultation document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    other_formats = StreamField(
        [("format", OtherFormatBlock())],
        verbose_name=_("other formats"),
        blank=True,
        use_json_field=True,
    )
    survey = models.ForeignKey(
        "surveys.SurveyPage",
        verbose_name=_("survey"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes"))
    decision_date = models.DateField(
        _("when the decision will be made"),
        help_text=_("Shown on the page, so people know when to expect our response."),
    )
    decision_by = models.CharField(
        _("who decides"),
        max_length=200,
        blank=True,
        help_text=_("E.g. 'the partnership board, at its meeting in public'."),
    )
    stops = StreamField(
        [("stop", StopBlock())],
        verbose_name=_("roadshow stops and meetings"),
        blank=True,
        use_json_field=True,
    )
    related_pages = StreamField(
        [("page", blocks.PageChooserBlock(label=_("page")))],
        verbose_name=_("related events and pages"),
        blank=True,
        use_json_field=True,
    )
    other_ways = RichTextField(
        _("other ways to take part"),
        blank=True,
        help_text=_("By post (with a freepost address), by phone, or at a meeting."),
    )

    # The response, written once the consultation closes.
    we_asked = RichTextField(_("we asked"), blank=True)
    you_said = RichTextField(
        _("you said"),
        blank=True,
        help_text=_("The main themes and figures. The number of survey responses is added."),
    )
    other_responses = models.PositiveIntegerField(
        _("responses in other ways"),
        default=0,
        help_text=_("Letters, emails and comments at meetings, counted by hand."),
    )
    we_did = RichTextField(_("we did: what changes"), blank=True)
    not_changing = RichTextField(_("what does not change, and why"), blank=True)
    easy_read_summary = RichTextField(
        _("Easy Read summary of the response"),
        blank=True,
        help_text=_(
            "Short sentences, one idea each. Sent to people who asked for Easy Read; "
            "without it they get the standard response with a note."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("proposal"),
        MultiFieldPanel(
            [FieldPanel("document"), FieldPanel("other_formats")],
            heading=_("The consultation document"),
        ),
        PageChooserPanel("survey", "surveys.SurveyPage"),
        FieldPanel("other_ways"),
        FieldPanel("stops"),
        FieldPanel("related_pages"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldRowPanel([FieldPanel("decision_date"), FieldPanel("decision_by")]),
            ],
            heading=_("Dates"),
        ),
        MultiFieldPanel(
            [
                HelpPanel(
                    content=_(
                        "Write the response once the consultation has closed. It is shown "
                        "only after you choose “Publish the response” on the consultation's "
                        "response screen, which also emails everyone who asked to hear back."
                    )
                ),
                FieldPanel("we_asked"),
                FieldPanel("you_said"),
                FieldPanel("other_responses"),
                FieldPanel("we_did"),
                FieldPanel("not_changing"),
                FieldPanel("easy_read_summary"),
            ],
            heading=_("We asked, you said, we did"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("proposal"),
    ]

    parent_page_types = ["partnerships.PartnershipHomePage", "network.NetworkHomePage"]
    # The consultation's survey (and its Easy Read version under it) may live beneath it,
    # and the consultation's own Easy Read version, as under every page type.
    subpage_types = ["surveys.SurveyPage", "easyread.EasyReadPage"]

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def clean(self):
        super().clean()
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("The consultation must close after it opens.")
        if self.closes_at and self.decision_date and self.decision_date < self.closes_at.date():
            errors["decision_date"] = _(
                "The decision comes after the consultation closes, so that responses can be "
                "considered."
            )
        if errors:
            raise ValidationError(errors)

    def is_closed(self, now=None):
        return (now or timezone.now()) >= self.closes_at

    def publication(self):
        """The :class:`ResponsePublication` of this consultation (any of its translations),
        or ``None`` while the response is not published."""
        return (
            ResponsePublication.objects.filter(consultation__translation_key=self.translation_key)
            .select_related("consultation")
            .first()
        )

    def status(self, publication=None, now=None):
        now = now or timezone.now()
        if publication is not None:
            return self.Status.RESPONDED
        if self.opens_at and now < self.opens_at:
            return self.Status.UPCOMING
        if now < self.closes_at:
            return self.Status.OPEN
        return self.Status.AWAITING

    def response_is_written(self):
        return bool(self.we_asked and self.you_said and self.we_did)

    def formats(self):
        """The other formats as ``(label, url)``, for the page and its emails."""
        labels = dict(DocumentFormat.choices)
        found = []
        for block in self.other_formats:
            value = block.value
            label = str(labels.get(value["format"], value["format"]))
            if value.get("language"):
                label = f"{label}: {value['language']}"
            url = value["document"].url if value.get("document") else value.get("link")
            found.append((label, url))
        return found

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        publication = self.publication()
        status = self.status(publication)
        context.update(
            status=status,
            statuses=self.Status,
            publication=publication,
            # A translation made before the response was written shows the original's.
            response=(
                self
                if publication is None or self.response_is_written()
                else publication.consultation
            ),
            survey=self.survey if self.survey_id and self.survey.live else None,
            quotes=(
                list(
                    Quote.objects.filter(
                        consultation__translation_key=self.translation_key, published=True
                    ).order_by("order", "pk")
                )
                if publication
                else []
            ),
        )
        return context


class ResponsePublication(models.Model):
    """The published response of a consultation, and the hear-back emails it started.

    One row per consultation (its original language); made by
    :func:`plugins.surveys.consultations.publish_response`.
    """

    class Sending(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        SENDING = "sending", _("Sending")
        DONE = "done", _("Sent")
        FAILED = "failed", _("Stopped by an error")

    consultation = models.OneToOneField(
        ConsultationPage,
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="response_publication",
    )
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    #: Submitted survey responses (every version) when the response was published.
    survey_responses = models.PositiveIntegerField(_("survey responses"), default=0)
    # Progress of the hear-back emails.
    status = models.CharField(
        _("hear-back emails"), max_length=10, choices=Sending.choices, default=Sending.QUEUED
    )
    total = models.PositiveIntegerField(_("people to tell"), default=0)
    emailed = models.PositiveIntegerField(_("emailed"), default=0)
    updated_at = models.DateTimeField(_("last progress"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("published consultation response")
        verbose_name_plural = _("published consultation responses")

    def __str__(self):
        return str(self.consultation)

    @property
    def responses(self):
        return self.survey_responses + self.consultation.other_responses

    @property
    def percent(self):
        return 100 if not self.total else min(100, round(100 * self.emailed / self.total))


class Quote(models.Model):
    """A free-text answer shown, redacted, on a consultation's published response.

    Only answers from responses whose author agreed to be quoted may be chosen, checked
    here whatever the screen; the quote is shown only once redacted
    (:meth:`redact`), and without anything about who said it.
    """

    consultation = models.ForeignKey(
        ConsultationPage,
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="quotes",
    )
    answer = models.ForeignKey(
        "surveys.Answer", verbose_name=_("answer"), on_delete=models.PROTECT, related_name="+"
    )
    #: The redacted words shown publicly ("" until redacted).
    text = models.TextField(_("quote as published"), blank=True)
    redacted_at = models.DateTimeField(_("redacted"), null=True, blank=True)
    published = models.BooleanField(_("shown on the response"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("chosen by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    chosen_at = models.DateTimeField(_("chosen"), default=timezone.now)

    class Meta:
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "answer"], name="surveys_quote_answer_once"
            ),
            models.CheckConstraint(
                condition=models.Q(published=False) | models.Q(redacted_at__isnull=False),
                name="surveys_quote_published_only_redacted",
            ),
        ]

    def __str__(self):
        return self.text[:60] or str(_("Quote (not yet redacted)"))

    def save(self, *args, **kwargs):
        # Consent is checked on every save, whichever screen or script saves the quote.
        self.full_clean(exclude=["consultation", "answer", "chosen_by"], validate_unique=False)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        answer = self.answer
        if not answer.response.may_quote:
            raise ValidationError(
                {"answer": _("The person who wrote this did not agree to be quoted.")}
            )
        survey = self.consultation.survey
        if survey is None or answer.survey_id != survey.results_survey.pk:
            raise ValidationError({"answer": _("This answer is not to the consultation's survey.")})
        free_text = {
            question.reference
            for question in survey.results_survey.questions
            if question.kind in FREE_TEXT_KINDS
        }
        if answer.question not in free_text or not answer.text:
            raise ValidationError({"answer": _("Only free-text answers can be quoted.")})
        if self.published and self.redacted_at is None:
            raise ValidationError(_("Redact the quote before it is shown."))

    def redact(self, text, user):
        """Set the published words to ``text`` (edited by ``user``), logging the change."""
        text = text.strip()
        if not text:
            raise ValidationError({"text": _("Give the words to publish.")})
        original = self.text or self.answer.text
        now = timezone.now()
        QuoteRedaction.objects.create(
            quote=self, redacted_by=user, redacted_at=now, original=original, redacted=text
        )
        self.text = text
        self.redacted_at = now
        self.save(update_fields=["text", "redacted_at"])


class QuoteRedaction(models.Model):
    """One edit of a quote's words by a member of staff: who, when, before and after."""

    quote = models.ForeignKey(
        Quote, verbose_name=_("quote"), on_delete=models.CASCADE, related_name="redactions"
    )
    redacted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("redacted by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    redacted_at = models.DateTimeField(_("when"), default=timezone.now)
    original = models.TextField(_("before"))
    redacted = models.TextField(_("after"))

    class Meta:
        verbose_name = _("quote redaction")
        verbose_name_plural = _("quote redactions")
        ordering = ["-redacted_at", "-pk"]

    def __str__(self):
        return str(_("Redaction of %(quote)s") % {"quote": self.quote_id})
