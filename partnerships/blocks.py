"""The blocks an editor builds a spotlight report's body from.

A small, purposeful set: what a Healthwatch-style spotlight report needs (headings, text,
a key figure with its source, a quote from someone who took part, an image with a caption).
Every block declares an icon, a template and a preview value.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading; rendered as h2 (h1 is the page title)."""

    text = blocks.CharBlock(label=_("heading"), max_length=120)

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "partnerships/blocks/heading_block.html"
        preview_value = {"text": "What people told us"}
        description = _("A section heading.")


class ParagraphBlock(blocks.RichTextBlock):
    """Paragraphs of text with links and lists."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["bold", "italic", "link", "ol", "ul"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "partnerships/blocks/paragraph_block.html"
        preview_value = (
            "<p>Volunteers visit people at home and help them get to the places that keep "
            "them well.</p>"
        )
        description = _("Text, with bold, italic, links and lists.")


class KeyFigureBlock(blocks.StructBlock):
    """One figure that matters, what it measures, and where it comes from."""

    value = blocks.CharBlock(label=_("figure"), max_length=20, help_text=_("e.g. 71% or 6,000"))
    measure = blocks.CharBlock(
        label=_("what it measures"),
        max_length=255,
        help_text=_("e.g. of respondents say gathering local views shapes priorities"),
    )
    source = blocks.CharBlock(
        label=_("source"),
        max_length=255,
        required=False,
        help_text=_("e.g. Healthwatch West Sussex survey, 2023"),
    )

    class Meta:
        icon = "table"
        label = _("Key figure")
        template = "partnerships/blocks/key_figure_block.html"
        preview_value = {
            "value": "71%",
            "measure": "of respondents say gathering local views is important for priorities",
            "source": "Healthwatch West Sussex survey",
        }
        description = _("A number with what it measures and its source.")


class QuoteBlock(blocks.StructBlock):
    """Words from someone who took part, with who said them (with their consent)."""

    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(
        label=_("attribution"),
        max_length=255,
        required=False,
        help_text=_("e.g. “A carer on the Hoo Peninsula”. Name people only with consent."),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "partnerships/blocks/quote_block.html"
        preview_value = {
            "text": "I don't want to tell my story again and again.",
            "attribution": "A carer in Walderslade",
        }
        description = _("A quote with its attribution.")


class CaptionedImageBlock(blocks.StructBlock):
    """An image with alternative text (from ImageBlock) and a visible caption."""

    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), max_length=255, required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "partnerships/blocks/captioned_image_block.html"
        preview_value = {"caption": "Volunteers at a community health assembly"}
        description = _("An image with alternative text and a caption.")


class SpotlightStreamBlock(blocks.StreamBlock):
    """The shared set of blocks for spotlight bodies (and other report-like pages)."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    key_figure = KeyFigureBlock()
    quote = QuoteBlock()
    image = CaptionedImageBlock()
