"""The blocks an Easy Read page is built from: a picture beside one short sentence."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class EasyReadBlock(blocks.StructBlock):
    """One idea: a picture (optional, with its alt text) beside one short sentence.

    Shown in large type, the picture on the left and the sentence on the right (the picture
    above the sentence on a narrow phone). The sentence is plain text so that nothing but the
    words competes for attention; sentences over 15 words are flagged to the editor.
    """

    picture = ImageBlock(
        required=False,
        label=_("picture"),
        help_text=_("A clear picture of the idea. Say what it shows in the alt text."),
    )
    sentence = blocks.TextBlock(
        rows=2,
        label=_("sentence"),
        help_text=_("One idea in one short sentence: 15 words or fewer, no jargon."),
        form_classname="easy-read-sentence",
    )

    class Meta:
        icon = "image"
        label = _("Picture and sentence")
        template = "easyread/blocks/easy_read_item.html"
        preview_value = {"sentence": "We want to hear what you think."}
        description = _("A picture beside one short sentence.")


class EasyReadHeadingBlock(blocks.CharBlock):
    """A short heading that starts a part of the page, e.g. "What is the charter?"."""

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "easyread/blocks/heading.html"
        preview_value = "What is the charter?"
        form_classname = "easy-read-sentence"


class EasyReadBodyBlock(blocks.StreamBlock):
    """The body of an Easy Read page: headings and picture-and-sentence blocks, in order."""

    heading = EasyReadHeadingBlock(max_length=120)
    idea = EasyReadBlock()

    class Meta:
        block_counts = {"idea": {"min_num": 1}}

    def sentences(self, value):
        """Return the text of every heading and sentence in ``value`` (a StreamValue)."""
        texts = []
        for child in value:
            if child.block_type == "idea":
                texts.append(child.value["sentence"])
            else:
                texts.append(child.value)
        return texts

    def pictures(self, value):
        """Return the images shown in ``value`` (a StreamValue), in order."""
        return [
            child.value["picture"]
            for child in value
            if child.block_type == "idea" and child.value["picture"]
        ]
