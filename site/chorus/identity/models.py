"""The per-site identity setting an editor fills in under Settings → Site identity."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from . import contrast

DEFAULT_BRAND = "#00605a"
DEFAULT_BRAND_TEXT = "#ffffff"
PAGE_BACKGROUND = "#ffffff"


def _page_link(verbose_name, help_text):
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


def _image(verbose_name, help_text):
    return models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


@register_setting(icon="site")
class SiteIdentity(BaseSiteSetting):
    """Who runs a site and how to reach them, its logo, colours and key pages.

    Editors fill it in once per site. It is shown in every page's footer ("Run by ...",
    phone, email, address, opening hours, links to the accessibility statement, privacy
    notice and contact page) and in the ``<head>`` (favicon, description, Open Graph).
    The brand colours are refused when text on them would fail WCAG AA contrast.
    """

    organisation = models.CharField(
        _("organisation that runs the site"),
        max_length=255,
        blank=True,
        help_text=_("Shown as “Run by …” in the footer, e.g. “Medway Council on behalf of …”."),
    )
    description = models.CharField(
        _("site description"),
        max_length=300,
        blank=True,
        help_text=_(
            "One or two sentences shown in search results and link previews for pages "
            "without a search description of their own."
        ),
    )
    logo = _image(_("logo"), _("Shown in link previews (Open Graph). Use a clear, square image."))
    favicon = _image(
        _("favicon"), _("The small icon in browser tabs. A square image, at least 64 pixels.")
    )
    brand_colour = models.CharField(
        _("brand colour"),
        max_length=7,
        default=DEFAULT_BRAND,
        help_text=_("Header and link colour, as #rrggbb."),
    )
    brand_text_colour = models.CharField(
        _("text colour on the brand colour"),
        max_length=7,
        default=DEFAULT_BRAND_TEXT,
        help_text=_("The colour of text in the header, as #rrggbb (usually white)."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    address = models.TextField(_("postal address"), blank=True, help_text=_("One line per line."))
    opening_hours = models.TextField(
        _("opening hours"),
        blank=True,
        help_text=_("When the phone is answered, e.g. “Monday to Friday, 9am to 5pm”."),
    )
    accessibility_page = _page_link(
        _("accessibility statement"), _("The page with the site's accessibility statement.")
    )
    privacy_page = _page_link(_("privacy notice"), _("The page with the site's privacy notice."))
    contact_page = _page_link(_("contact page"), _("The page that tells people how to reach you."))

    select_related = ["logo", "favicon"]

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation"), FieldPanel("description")], heading=_("Who runs the site")
        ),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("address"),
                FieldPanel("opening_hours"),
            ],
            heading=_("Contact details"),
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("accessibility_page"),
                PageChooserPanel("privacy_page"),
                PageChooserPanel("contact_page"),
            ],
            heading=_("Pages linked from every footer"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("logo"),
                FieldPanel("favicon"),
                FieldPanel("brand_colour"),
                FieldPanel("brand_text_colour"),
            ],
            heading=_("Look"),
        ),
    ]

    class Meta:
        verbose_name = _("site identity")
        verbose_name_plural = _("site identities")

    @classmethod
    def read(cls, site):
        """Return ``site``'s identity, or an unsaved blank one if nobody has filled it in.

        Unlike ``for_site``, reading never creates the row: saving a setting moves the
        content generation on, which would forget every cached page on a site's first visit.
        """
        found = cls.base_queryset().filter(site=site).first()
        return found if found is not None else cls(site=site)

    def clean(self):
        """Refuse colours that are not #rrggbb, and brand colours without enough contrast:
        header text on the brand colour, and the brand colour as link text on the page,
        must each reach WCAG AA's 4.5:1."""
        super().clean()
        errors = {}
        for field in ("brand_colour", "brand_text_colour"):
            try:
                setattr(self, field, contrast.normalise(getattr(self, field)))
            except ValueError:
                errors[field] = _("Enter a colour as # followed by six hexadecimal digits.")
        if errors:
            raise ValidationError(errors)
        self._check_contrast(
            "brand_text_colour",
            self.brand_text_colour,
            self.brand_colour,
            _(
                "Text in this colour on the brand colour has a contrast ratio of %(ratio)s:1; "
                "WCAG AA needs at least %(minimum)s:1. Choose a darker brand colour or a "
                "lighter text colour."
            ),
        )
        self._check_contrast(
            "brand_colour",
            self.brand_colour,
            PAGE_BACKGROUND,
            _(
                "Links in the brand colour on the white page have a contrast ratio of "
                "%(ratio)s:1; WCAG AA needs at least %(minimum)s:1. Choose a darker brand colour."
            ),
        )

    @staticmethod
    def _check_contrast(field, foreground, background, message):
        ratio = contrast.contrast_ratio(foreground, background)
        if ratio < contrast.AA_NORMAL_TEXT:
            raise ValidationError(
                {
                    field: ValidationError(
                        message,
                        code="contrast",
                        params={
                            # Rounded down, so 4.499 never reads as a passing 4.5.
                            "ratio": f"{int(ratio * 100) / 100:.2f}",
                            "minimum": contrast.AA_NORMAL_TEXT,
                        },
                    )
                }
            )

    @property
    def brand_is_default(self):
        """Whether the site keeps Chorus's own colours (no brand stylesheet needed)."""
        return (self.brand_colour.lower(), self.brand_text_colour.lower()) == (
            DEFAULT_BRAND,
            DEFAULT_BRAND_TEXT,
        )
