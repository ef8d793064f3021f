"""A survey's questions as plain values, read from the page's ``body``.

Everything that asks, checks, stores or counts answers works from these values, never from
the StreamField directly::

    for section in sections_of(page):
        for question in section.questions:
            question.reference, question.kind, question.options

Answers are stored under ``Question.reference`` with the option's ``value``: an option's
number ("1", "2"...) for choices and rankings, a fixed code for the agreement scale, the
number for ratings, the Census code for "about you". So the same survey's Easy Read and
translated versions, worded differently, add up to one set of results.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from coproduction.register.categories import DIMENSIONS

#: The agreement scale, strongest agreement first.
AGREEMENT = (
    ("strongly_agree", _("Strongly agree")),
    ("agree", _("Agree")),
    ("neither", _("Neither agree nor disagree")),
    ("disagree", _("Disagree")),
    ("strongly_disagree", _("Strongly disagree")),
)

#: Kinds whose answer is one of ``Question.options``.
SINGLE_VALUE_KINDS = {"single_choice", "agreement", "rating", "about_you"}
#: Kinds whose answer is several of ``Question.options`` (ranking: all of them, in order).
MULTI_VALUE_KINDS = {"multiple_choice", "ranking"}
#: Kinds answered in the person's own words.
FREE_TEXT_KINDS = {"short_text", "long_text"}
#: Kinds a condition may name.
CONDITION_KINDS = {"single_choice", "multiple_choice"}
#: The prefix of the references "about you" questions are stored under.
ABOUT_YOU = "about_you."


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class Condition:
    """Ask a question only when ``reference`` was answered with ``value``."""

    reference: str
    value: str


@dataclass(frozen=True)
class Question:
    reference: str
    kind: str
    label: str
    hint: str = ""
    required: bool = False
    options: tuple[Option, ...] = ()
    condition: Condition | None = None
    minimum: int | None = None
    maximum: int | None = None
    #: The index of the section the question is in.
    section: int = 0

    @property
    def is_free_text(self):
        return self.kind in FREE_TEXT_KINDS

    @property
    def is_about_you(self):
        return self.kind == "about_you"

    def label_of(self, value):
        """The words for a stored ``value`` (the value itself for unlisted answers)."""
        for option in self.options:
            if option.value == value:
                return option.label
        return value


@dataclass(frozen=True)
class Section:
    heading: str
    intro: str
    questions: tuple[Question, ...]


def _options(kind, value):
    if kind in ("single_choice", "multiple_choice", "ranking"):
        return tuple(Option(str(number), label) for number, label in enumerate(value["options"], 1))
    if kind == "agreement":
        return tuple(Option(code, str(label)) for code, label in AGREEMENT)
    if kind == "rating":
        scale = value["scale"]
        return tuple(
            Option(
                str(number),
                f"{number} ({value['low_label']})"
                if number == 1
                else f"{number} ({value['high_label']})"
                if number == scale
                else str(number),
            )
            for number in range(1, scale + 1)
        )
    return ()


def _about_you_questions(value, section):
    for dimension in value["dimensions"]:
        label, choices = DIMENSIONS[dimension]
        yield Question(
            reference=f"{ABOUT_YOU}{dimension}",
            kind="about_you",
            label=str(label),
            hint=value.get("intro", ""),
            options=tuple(Option(code, str(words)) for code, words in choices.choices),
            section=section,
        )


def _question(kind, value, section):
    condition = None
    if value.get("show_if_question"):
        condition = Condition(value["show_if_question"], str(value["show_if_answer"]).strip())
    return Question(
        reference=value["reference"],
        kind=kind,
        label=value["question"],
        hint=value.get("hint") or "",
        required=bool(value.get("required")),
        options=_options(kind, value),
        condition=condition,
        minimum=value.get("minimum"),
        maximum=value.get("maximum"),
        section=section,
    )


def sections_from_body(body):
    """Return the :class:`Section` list of a survey body (a StreamValue of sections)."""
    sections = []
    for index, block in enumerate(body):
        questions = []
        for child in block.value["questions"]:
            if child.block_type == "about_you":
                questions.extend(_about_you_questions(child.value, index))
            else:
                questions.append(_question(child.block_type, child.value, index))
        sections.append(Section(block.value["heading"], block.value["intro"], tuple(questions)))
    return sections


def questions_from_body(body):
    """Every question of a survey body, in order."""
    return [question for section in sections_from_body(body) for question in section.questions]


def check_questions(questions):
    """Raise ``ValidationError`` listing every problem with a survey's questions: repeated
    references, and conditions that do not name an earlier choice question and one of its
    options."""
    problems = []
    seen = {}
    for question in questions:
        if question.reference in seen:
            problems.append(
                _("The reference '%(reference)s' is used by more than one question.")
                % {"reference": question.reference}
            )
        if question.condition is not None:
            earlier = seen.get(question.condition.reference)
            if earlier is None or earlier.kind not in CONDITION_KINDS:
                problems.append(
                    _(
                        "'%(question)s' is asked only after '%(reference)s', which is not an "
                        "earlier single or multiple choice question."
                    )
                    % {"question": question.label, "reference": question.condition.reference}
                )
            elif question.condition.value not in {option.value for option in earlier.options}:
                problems.append(
                    _("'%(question)s' names option %(value)s, which '%(earlier)s' does not have.")
                    % {
                        "question": question.label,
                        "value": question.condition.value,
                        "earlier": earlier.label,
                    }
                )
        seen.setdefault(question.reference, question)
    if problems:
        raise ValidationError(problems)


def check_same_questions(version, original):
    """Raise ``ValidationError`` unless ``version`` (an Easy Read or translated survey's
    questions) asks the same questions as ``original``: the same references, each of the same
    kind and with as many options, so that their answers can be added up together."""
    mine = {question.reference: question for question in version}
    theirs = {question.reference: question for question in original}
    problems = []
    for reference in sorted(set(mine) ^ set(theirs)):
        problems.append(
            _("The question '%(reference)s' must be in both versions, or in neither.")
            % {"reference": reference}
        )
    for reference in sorted(set(mine) & set(theirs)):
        a, b = mine[reference], theirs[reference]
        if a.kind != b.kind or len(a.options) != len(b.options):
            problems.append(
                _(
                    "The question '%(reference)s' must be of the same kind, with as many "
                    "options, as in the original survey."
                )
                % {"reference": reference}
            )
    if problems:
        raise ValidationError(problems)
