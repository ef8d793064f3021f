"""StreamField blocks for co-production pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class RecommendationBlock(blocks.StructBlock):
    """One recommendation an assembly made, and who it was put to."""

    recommendation = blocks.CharBlock(
        label=_("recommendation"),
        max_length=255,
        help_text=_(
            "In the participants' words, e.g. “Offer Easy Read letters for every appointment”."
        ),
    )
    detail = blocks.TextBlock(label=_("detail"), required=False)
    addressed_to = blocks.CharBlock(
        label=_("addressed to"),
        required=False,
        max_length=255,
        help_text=_("The organisation or board asked to act on it."),
    )

    class Meta:
        icon = "tick"
        label = _("Recommendation")
        template = "coproduction/blocks/recommendation.html"
        preview_value = {
            "recommendation": "Offer Easy Read letters for every hospital appointment",
            "detail": "Participants with learning disabilities said standard letters were the "
            "main reason they missed appointments.",
            "addressed_to": "Medway NHS Foundation Trust",
        }
        description = _("A recommendation and who was asked to act on it.")


class RecommendationsBlock(blocks.StreamBlock):
    """The recommendations of an assembly, in the order participants ranked them."""

    recommendation = RecommendationBlock()
