"""The question blocks editors build a survey from, in the page editor.

A survey's ``body`` is a list of sections; each section holds questions. Every question has
a ``reference``: a short name, unique in the survey, that ties the question to the same
question in the survey's Easy Read and translated versions (so their results combine) and
that conditions name ("ask this only if *travel* was answered *By bus*").
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from coproduction.register.categories import DIMENSIONS

reference_validator = RegexValidator(
    r"^[a-z][a-z0-9_]*$",
    _("Use lower-case letters, digits and underscores, starting with a letter."),
)


class QuestionBlock(blocks.StructBlock):
    """What every question has: its reference, wording, hint, whether it must be answered,
    and an optional condition on an earlier choice question."""

    reference = blocks.CharBlock(
        label=_("reference"),
        max_length=40,
        validators=[reference_validator],
        help_text=_(
            "A short name for this question, unique in the survey (e.g. 'travel'). Use the "
            "same reference in the Easy Read and translated versions so results combine."
        ),
    )
    question = blocks.CharBlock(label=_("question"), max_length=255)
    hint = blocks.CharBlock(label=_("hint"), required=False, max_length=500)
    required = blocks.BooleanBlock(label=_("must be answered"), required=False, default=True)
    show_if_question = blocks.CharBlock(
        label=_("only ask if the question with reference"),
        required=False,
        max_length=40,
        help_text=_("Leave empty to always ask. Names an earlier choice question."),
    )
    show_if_answer = blocks.CharBlock(
        label=_("was answered with option number"),
        required=False,
        max_length=10,
        help_text=_("The option's number in that question's list, counting from 1."),
    )

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("show_if_question")) != bool(value.get("show_if_answer")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "show_if_answer": ValidationError(
                        _("Give both the question and the option, or neither.")
                    )
                }
            )
        return value

    class Meta:
        icon = "help"


class ShortTextBlock(QuestionBlock):
    class Meta:
        label = _("Short text")
        icon = "pilcrow"


class LongTextBlock(QuestionBlock):
    class Meta:
        label = _("Long text")
        icon = "doc-full"


class ChoiceBlock(QuestionBlock):
    """A question answered by picking from a list; ``options`` are stored by their number
    (1, 2...), so versions in other languages must keep the same order."""

    options = blocks.ListBlock(blocks.CharBlock(max_length=255), label=_("options"), min_num=2)


class SingleChoiceBlock(ChoiceBlock):
    class Meta:
        label = _("Single choice")
        icon = "radio-full"


class MultipleChoiceBlock(ChoiceBlock):
    class Meta:
        label = _("Multiple choice")
        icon = "tasks"


class RankingBlock(ChoiceBlock):
    class Meta:
        label = _("Ranking")
        icon = "order"


class AgreementBlock(QuestionBlock):
    """A statement answered on the five-point scale from "strongly agree" to "strongly
    disagree" (see ``questions.AGREEMENT``)."""

    class Meta:
        label = _("Agreement scale")
        icon = "list-ul"


class RatingBlock(QuestionBlock):
    """A rating from 1 to ``scale``, with words for the two ends."""

    scale = blocks.IntegerBlock(label=_("highest rating"), min_value=3, max_value=10, default=5)
    low_label = blocks.CharBlock(label=_("words for 1"), max_length=60, default=_("Very poor"))
    high_label = blocks.CharBlock(
        label=_("words for the highest rating"), max_length=60, default=_("Very good")
    )

    class Meta:
        label = _("Rating")
        icon = "pick"


class NumberBlock(QuestionBlock):
    minimum = blocks.IntegerBlock(label=_("lowest allowed"), required=False)
    maximum = blocks.IntegerBlock(label=_("highest allowed"), required=False)

    class Meta:
        label = _("Number")
        icon = "plus-inverse"


class DateBlock(QuestionBlock):
    class Meta:
        label = _("Date")
        icon = "date"


class PostcodeBlock(QuestionBlock):
    class Meta:
        label = _("Postcode")
        icon = "site"


def _dimension_choices():
    return [(key, label) for key, (label, _choices) in DIMENSIONS.items()]


class AboutYouBlock(blocks.StructBlock):
    """The equality-monitoring questions of the involvement register (Census 2021
    categories, each with "prefer not to say"), asked only after the respondent agrees to
    them being used for that purpose."""

    intro = blocks.CharBlock(
        label=_("introduction"),
        required=False,
        max_length=500,
        default=_("These questions help us check that we hear from everyone. They are optional."),
    )
    dimensions = blocks.MultipleChoiceBlock(
        label=_("questions to ask"),
        choices=_dimension_choices,
        default=list(DIMENSIONS),
    )

    class Meta:
        label = _("About you (equality monitoring)")
        icon = "user"


QUESTION_BLOCKS = [
    ("short_text", ShortTextBlock()),
    ("long_text", LongTextBlock()),
    ("single_choice", SingleChoiceBlock()),
    ("multiple_choice", MultipleChoiceBlock()),
    ("agreement", AgreementBlock()),
    ("rating", RatingBlock()),
    ("ranking", RankingBlock()),
    ("number", NumberBlock()),
    ("date", DateBlock()),
    ("postcode", PostcodeBlock()),
    ("about_you", AboutYouBlock()),
]


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    intro = blocks.TextBlock(label=_("introduction"), required=False)
    questions = blocks.StreamBlock(QUESTION_BLOCKS, label=_("questions"), min_num=1)

    class Meta:
        label = _("Section")
        icon = "folder-open-1"
