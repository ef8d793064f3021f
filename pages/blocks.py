"""The blocks a standard content page is built from.

Headings, text, images, key figures and quotes are the spotlight's own blocks
(``partnerships.blocks``); this module adds what general pages also need: a document link,
a call to action, an accordion, a group of key figures, a table, an embedded video and the
site's contact details. Every block declares an icon, a template and a preview value.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock

from partnerships.blocks import (
    CaptionedImageBlock,
    HeadingBlock,
    KeyFigureBlock,
    ParagraphBlock,
    QuoteBlock,
)


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a document in the library, with its format and size shown."""

    document = DocumentChooserBlock(label=_("document"))
    link_text = blocks.CharBlock(
        label=_("link text"),
        max_length=255,
        required=False,
        help_text=_("Leave blank to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "pages/blocks/document_link_block.html"
        preview_value = {"link_text": "Annual report 2025"}
        description = _("A link to a document, with its format and size.")


class CallToActionBlock(blocks.StructBlock):
    """One thing the reader can do next, as a prominent link."""

    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    text = blocks.TextBlock(label=_("text"), required=False)
    link_label = blocks.CharBlock(label=_("button text"), max_length=80)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(
        label=_("or address"), required=False, help_text=_("Used when no page is chosen.")
    )

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "pages/blocks/call_to_action_block.html"
        preview_value = {
            "heading": "Join the health network",
            "text": "Tell us what matters to you about health and care in your area.",
            "link_label": "Sign up",
            "url": "https://example.org/",
        }
        description = _("A heading, a line of text and a prominent link.")

    def clean(self, value):
        """Refuse a call to action that leads nowhere."""
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            problem = blocks.BlockValidationError(_("Choose a page or enter an address."))
            raise blocks.StructBlockValidationError(block_errors={"page": problem})
        return value


class AccordionItemBlock(blocks.StructBlock):
    """One section of an accordion: a summary line that opens its text."""

    title = blocks.CharBlock(label=_("title"), max_length=255)
    content = ParagraphBlock(label=_("content"))

    class Meta:
        icon = "collapse-down"
        label = _("Section")


class AccordionBlock(blocks.StructBlock):
    """Sections a reader opens one at a time (questions and answers, long detail)."""

    heading = blocks.CharBlock(label=_("heading"), max_length=120, required=False)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("sections"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Accordion")
        template = "pages/blocks/accordion_block.html"
        preview_value = {
            "heading": "Questions",
            "items": [{"title": "Who can take part?", "content": "<p>Anyone who lives here.</p>"}],
        }
        description = _("Sections that open and close, e.g. questions and answers.")


class KeyFiguresBlock(blocks.StructBlock):
    """A row of figures that matter, each with what it measures and its source."""

    heading = blocks.CharBlock(label=_("heading"), max_length=120, required=False)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("figures"), min_num=1)

    class Meta:
        icon = "table"
        label = _("Key figures")
        template = "pages/blocks/key_figures_block.html"
        preview_value = {
            "heading": "The pilot in numbers",
            "figures": [
                {"value": "7", "measure": "community organisations", "source": ""},
                {"value": "2017", "measure": "year the pilot began", "source": ""},
            ],
        }
        description = _("Several figures side by side.")


class AccessibleTableBlock(TableBlock):
    """A table in a labelled region that scrolls sideways on narrow screens."""

    class Meta:
        icon = "table"
        label = _("Table")
        template = "pages/blocks/table_block.html"
        description = _("A table with a caption; wide tables scroll on small screens.")


class VideoBlock(blocks.StructBlock):
    """A video or other media from YouTube or Vimeo, with a caption."""

    embed = EmbedBlock(label=_("address"), help_text=_("e.g. a YouTube or Vimeo address."))
    caption = blocks.CharBlock(label=_("caption"), max_length=255, required=False)

    class Meta:
        icon = "media"
        label = _("Embedded video")
        template = "pages/blocks/embed_block.html"
        preview_value = {"caption": "Our health assembly, in two minutes"}
        description = _("A video from YouTube or Vimeo.")


class ContactDetailsBlock(blocks.StaticBlock):
    """The site's contact details from its identity settings, always up to date."""

    class Meta:
        icon = "mail"
        label = _("Contact details")
        template = "pages/blocks/contact_details_block.html"
        admin_text = _("Shows the phone, email, address and opening hours from Site identity.")
        description = _("The site's phone, email, address and opening hours.")


class ContentStreamBlock(blocks.StreamBlock):
    """Every block a standard content page offers."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    document = DocumentLinkBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()
    key_figures = KeyFiguresBlock()
    quote = QuoteBlock()
    table = AccessibleTableBlock()
    embed = VideoBlock()
    contact_details = ContactDetailsBlock()
