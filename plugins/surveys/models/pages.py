"""The survey page: its questions, who may answer, when, and how answers are kept."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from chorus.caching.restrictions import CachedViewRestrictionsMixin
from chorus.plugins import PluginPageMixin
from coproduction.insight.tell_us_once import TellUsOncePanel

from ..blocks import SectionBlock
from ..questions import check_questions, check_same_questions, sections_from_body


class Audience(models.TextChoices):
    ANYONE = "anyone", _("Anyone")
    SIGNED_IN = "signed_in", _("People signed in to their account")
    INVITED = "invited", _("People invited by email (one link each)")


class Format(models.TextChoices):
    STANDARD = "standard", _("Standard")
    EASY_READ = "easy_read", _("Easy Read")


class SurveyPage(CachedViewRestrictionsMixin, PluginPageMixin, RoutablePageMixin, Page):
    """A survey: sections of questions, answered one question (or one section) at a time.

    A survey has one set of results however many versions it has. Its translations (made
    with wagtail-localize) share its ``translation_key``; an Easy Read version is a survey
    page under it whose ``original`` is it, asking the same questions (same references) in
    Easy Read words. :attr:`results_survey` is the page all of them count towards: the
    original, in the default language.
    """

    chorus_plugin = "surveys"

    intro = RichTextField(_("introduction"), blank=True)
    privacy_statement = RichTextField(
        _("privacy statement"),
        help_text=_(
            "What you collect, why, who sees it, how long you keep it, and how people can "
            "ask for their answers to be removed."
        ),
    )
    thank_you = RichTextField(_("thank-you message"), blank=True)
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    audience = models.CharField(
        _("who can answer"), max_length=20, choices=Audience.choices, default=Audience.ANYONE
    )
    anonymous = models.BooleanField(
        _("anonymous responses"),
        default=True,
        help_text=_(
            "Anonymous: answers are kept without a name or email address. Otherwise they are "
            "linked to the person's account or invitation."
        ),
    )
    one_question_per_page = models.BooleanField(
        _("one question per page"),
        default=True,
        help_text=_("Otherwise each section is one page."),
    )
    format = models.CharField(
        _("format"), max_length=20, choices=Format.choices, default=Format.STANDARD
    )
    original = models.ForeignKey(
        "self",
        verbose_name=_("version of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="versions",
        help_text=_(
            "For an Easy Read version: the survey it is a version of. Its answers are added "
            "to that survey's results."
        ),
    )
    topics = ParentalManyToManyField(
        "coproduction.Topic", verbose_name=_("topics"), blank=True, related_name="+"
    )
    body = StreamField(
        [("section", SectionBlock())], verbose_name=_("questions"), use_json_field=True
    )

    content_panels = [
        *Page.content_panels,
        TellUsOncePanel(names_field="topics"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("thank_you"),
    ]
    settings_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("audience"),
                FieldPanel("anonymous"),
                FieldPanel("one_question_per_page"),
                FieldPanel("privacy_statement"),
                FieldPanel("topics"),
            ],
            heading=_("Who answers, and when"),
        ),
        MultiFieldPanel([FieldPanel("format"), FieldPanel("original")], heading=_("Versions")),
        *Page.settings_panels,
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = [
        "partnerships.PartnershipHomePage",
        "network.NetworkHomePage",
        "surveys.SurveyPage",
        # A consultation's survey may live under it.
        "surveys.ConsultationPage",
    ]
    subpage_types = ["surveys.SurveyPage"]
    #: A survey's Easy Read version is a survey of its own (``format`` Easy Read), whose
    #: answers count towards this one, not an Easy Read page (see ``chorus.easyread``).
    easy_read_version_is_own_kind = True

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    @cached_property
    def sections(self):
        return sections_from_body(self.body)

    @cached_property
    def questions(self):
        return [question for section in self.sections for question in section.questions]

    @property
    def results_survey(self):
        """The survey whose results this one's answers count towards."""
        page = self.original or self
        if page.locale_id != self._default_locale_id():
            default = page.get_translations(inclusive=True).filter(
                locale_id=self._default_locale_id()
            )
            page = default.specific().first() or page
        return page

    @staticmethod
    def _default_locale_id():
        from wagtail.models import Locale

        return Locale.get_default().pk

    def is_open(self, now=None):
        now = now or timezone.now()
        return (self.opens_at is None or self.opens_at <= now) and (
            self.closes_at is None or now < self.closes_at
        )

    def clean(self):
        super().clean()
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("The survey must close after it opens.")
        if self.format == Format.EASY_READ and self.original_id is None:
            errors["original"] = _("Say which survey this is the Easy Read version of.")
        if self.original_id is not None and self.original_id == self.pk:
            errors["original"] = _("A survey cannot be a version of itself.")
        if self.audience == Audience.INVITED and self.original_id is not None:
            errors["audience"] = _(
                "Invitations are sent for the original survey; its versions follow them."
            )
        try:
            check_questions(self.questions)
            if self.original is not None:
                check_same_questions(self.questions, self.original.questions)
        except ValidationError as problems:
            errors["body"] = problems.messages
        if errors:
            raise ValidationError(errors)

    # --- Answering (plugins.surveys.views.respondent) -----------------------------------

    @path("", name="start")
    def start_route(self, request):
        """The survey's introduction, privacy statement and "Start"."""
        from ..views.respondent import start_page

        return start_page(request, self)

    @path("questions/<int:number>/", name="step")
    def step_route(self, request, number):
        """One question, or one section, at a time."""
        from ..views.respondent import step_page

        return step_page(request, self, number)

    @path("check/", name="check")
    def check_route(self, request):
        """ "Check your answers", then send them."""
        from ..views.respondent import check_page

        return check_page(request, self)

    @path("done/", name="done")
    def done_route(self, request):
        """The confirmation and thank-you message."""
        from ..views.respondent import done_page

        return done_page(request, self)

    @path("save/", name="save")
    def save_route(self, request):
        """ "Save and come back later": the link to carry on."""
        from ..views.respondent import save_page

        return save_page(request, self)

    @path("resume/<str:token>/", name="resume")
    def resume_route(self, request, token):
        """Carry on from a "come back later" link."""
        from ..views.respondent import resume

        return resume(request, self, token)

    @path("invitation/<str:token>/", name="invitation")
    def invitation_route(self, request, token):
        """Open the survey from an invitation's one-time link."""
        from ..views.respondent import invitation_link

        return invitation_link(request, self, token)
