"""Bulletins: news written as pages, sent to a segment of the register, archived on the web.

A :class:`BulletinPage` is an ordinary page (live, with an address, so every email can link to
its web version); its site's :class:`BulletinIndexPage` lists only the bulletins that have
been sent. Each send is a :class:`BulletinSend` (who, when, to which segment, progress) and
each person reached a :class:`BulletinDelivery`: one per bulletin and person, whatever the
number of sends, which is what keeps anyone from getting the same bulletin twice.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from chorus.caching.restrictions import CachedViewRestrictionsMixin
from partnerships.blocks import HeadingBlock, KeyFigureBlock, ParagraphBlock, QuoteBlock

from .common import COPRODUCTION_PARENTS
from .register import Person


class BulletinStreamBlock(blocks.StreamBlock):
    """What a bulletin is written with: the spotlight's text blocks, which read well in an
    email as on the web (pictures belong on the web version, which every email links to)."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    key_figure = KeyFigureBlock()
    quote = QuoteBlock()


class BulletinIndexPage(CachedViewRestrictionsMixin, Page):
    """A site's bulletin archive: the bulletins already sent, newest first."""

    introduction = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = COPRODUCTION_PARENTS
    subpage_types = ["coproduction.BulletinPage", "easyread.EasyReadPage"]

    #: Bulletins per page of the archive.
    per_page = 12

    class Meta:
        verbose_name = _("bulletin archive")

    def sent_bulletins(self):
        """The live bulletins under this archive that have been sent (a translation counts as
        sent when its original was), newest first."""
        sent_keys = BulletinSend.objects.values("bulletin__translation_key")
        return (
            BulletinPage.objects.live()
            .child_of(self)
            .filter(translation_key__in=sent_keys)
            .order_by("-date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        page_obj = Paginator(self.sent_bulletins(), self.per_page).get_page(request.GET.get("page"))
        context.update(page_obj=page_obj, bulletins=page_obj.object_list)
        return context


class BulletinPage(CachedViewRestrictionsMixin, Page):
    """One bulletin: its date, a summary and the news itself. Staff send it from the admin
    (the "Send bulletin" button); translations and an Easy Read version go to the people who
    asked for them."""

    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences, shown in the archive.")
    )
    body = StreamField(BulletinStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = ["coproduction.BulletinIndexPage"]
    subpage_types = ["easyread.EasyReadPage"]

    class Meta:
        verbose_name = _("bulletin")
        verbose_name_plural = _("bulletins")


class BulletinSend(models.Model):
    """One decision to send a bulletin to a segment, and how far the sending has got."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        SENDING = "sending", _("Sending")
        DONE = "done", _("Sent")
        FAILED = "failed", _("Stopped by an error")

    bulletin = models.ForeignKey(
        BulletinPage, verbose_name=_("bulletin"), on_delete=models.CASCADE, related_name="sends"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("confirmed"), default=timezone.now)
    #: ``{"places": [pk...], "topics": [pk...], "roles": [code...], "audiences": [key...]}``
    segment = models.JSONField(_("segment"), default=dict)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    #: How many people were due to receive it when staff confirmed.
    total = models.PositiveIntegerField(_("people"), default=0)
    emailed = models.PositiveIntegerField(_("emailed"), default=0)
    posted = models.PositiveIntegerField(_("to post"), default=0)
    updated_at = models.DateTimeField(_("last progress"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("bulletin send")
        verbose_name_plural = _("bulletin sends")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.bulletin.title} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def done(self):
        return self.emailed + self.posted

    @property
    def percent(self):
        """How far through, 0 to 100."""
        return 100 if not self.total else min(100, round(100 * self.done / self.total))


class BulletinDelivery(models.Model):
    """A bulletin reaching one person, by email or by post: at most one per bulletin and
    person. Written in the same transaction as the email it queues."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("Email")
        POST = "post", _("Post")

    bulletin = models.ForeignKey(BulletinPage, on_delete=models.CASCADE, related_name="deliveries")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="bulletins")
    send = models.ForeignKey(BulletinSend, on_delete=models.CASCADE, related_name="deliveries")
    channel = models.CharField(_("channel"), max_length=5, choices=Channel.choices)
    #: The page that went out: the bulletin, its translation or an Easy Read version.
    version = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("bulletin delivery")
        verbose_name_plural = _("bulletin deliveries")
        constraints = [
            models.UniqueConstraint(fields=["bulletin", "person"], name="bulletin_once_per_person"),
        ]
        indexes = [models.Index(fields=["send", "channel"])]

    def __str__(self):
        return f"{self.bulletin_id} → {self.person_id} ({self.channel})"
