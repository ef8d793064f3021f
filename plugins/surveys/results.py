"""A survey's results, counted from the database in a few grouped queries.

Every version of a survey (Easy Read, other languages) stores its answers under the results
survey (``Response.survey``), so one set of queries over :class:`~.models.Answer` filtered by
survey counts all of them, whatever the number of questions::

    results = survey_results(survey, Filters(channel="paper"))
    for question in results.questions:
        question.kind, question.rows, question.answered

When the results are filtered (by an "about you" answer, a version or a channel), every count
goes through :func:`coproduction.register.disclosure.suppress`, so a small group cannot be
singled out; "about you" questions are always suppressed, filtered or not.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Avg, Count, F, Max, Min, Q, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext_lazy as _

from coproduction.register.disclosure import shown, suppress

from .models import Answer, Response
from .questions import ABOUT_YOU, FREE_TEXT_KINDS, MULTI_VALUE_KINDS, SINGLE_VALUE_KINDS

#: How many free-text answers of each question the results page shows (the rest are a
#: click away, paginated).
FREE_TEXT_PREVIEW = 5

#: The versions' filter values: a language code, with this suffix for Easy Read.
EASY_READ_SUFFIX = ":easy-read"


def version_key(language, easy_read):
    return f"{language}{EASY_READ_SUFFIX}" if easy_read else language


def version_label(language, easy_read):
    """ "English", "Polish (Easy Read)"..."""
    names = dict(settings.LANGUAGES)
    name = str(names.get(language, language))
    if easy_read:
        return str(_("%(language)s (Easy Read)") % {"language": name})
    return name


@dataclass(frozen=True)
class Filters:
    """Which responses to count: ``about_you`` maps a dimension to a Census code."""

    about_you: dict = field(default_factory=dict)
    version: str = ""
    channel: str = ""

    @property
    def active(self):
        return bool(self.about_you or self.version or self.channel)


def submitted(survey):
    """The submitted responses to ``survey`` (the results survey), every version."""
    return Response.objects.filter(survey=survey, status=Response.Status.SUBMITTED)


def filtered_responses(survey, filters):
    """The submitted responses that ``filters`` keep."""
    responses = submitted(survey)
    if filters.channel:
        responses = responses.filter(channel=filters.channel)
    if filters.version:
        language, easy_read = filters.version, False
        if language.endswith(EASY_READ_SUFFIX):
            language, easy_read = language.removesuffix(EASY_READ_SUFFIX), True
        responses = responses.filter(language=language, easy_read=easy_read)
    for dimension, code in sorted(filters.about_you.items()):
        answered = Answer.objects.filter(
            survey=survey, question=f"{ABOUT_YOU}{dimension}", value=code
        )
        responses = responses.filter(pk__in=answered.values("response_id"))
    return responses


def answers_of(survey, filters):
    """The answers of the responses ``filters`` keep."""
    answers = Answer.objects.filter(survey=survey)
    if filters.active:
        return answers.filter(response__in=filtered_responses(survey, filters).values("pk"))
    return answers.filter(response__status=Response.Status.SUBMITTED)


@dataclass
class Row:
    """One option of a question: its words, how many chose it and their share (a percentage
    of the people who answered the question), as may be shown."""

    value: str
    label: str
    count: int | None
    display: str
    share: float | None = None
    mean_rank: float | None = None


@dataclass
class Figures:
    """The spread of a number question's answers."""

    count: int
    minimum: Decimal | None = None
    median: Decimal | None = None
    maximum: Decimal | None = None


@dataclass
class QuestionResults:
    question: object
    answered: int | None = 0
    answered_display: str = "0"
    rows: list = field(default_factory=list)
    figures: Figures | None = None
    #: The first few free-text answers, as ``(answer pk, text)``.
    texts: list = field(default_factory=list)
    #: Why figures are not shown (too few people), or "".
    withheld: str = ""
    suppressed: bool = False

    @property
    def kind(self):
        return self.question.kind

    @property
    def reference(self):
        return self.question.reference

    @property
    def has_chart(self):
        return bool(self.rows) and not self.withheld


@dataclass
class Results:
    """Everything the results page shows."""

    total: int | None
    total_display: str
    by_channel: list
    by_version: list
    questions: list
    suppressed: bool


def _breakdown(counts, labels, suppressed):
    """``[(label, display)]`` of ``counts``, suppressed if asked."""
    if suppressed:
        return [(labels.get(cell.key, cell.key), cell.display) for cell in suppress(counts)]
    return [(labels.get(key, key), str(count)) for key, count in counts.items()]


@dataclass
class Totals:
    """How many responses, by channel and by version, counted in one query."""

    total: int
    by_channel: dict
    by_version: dict
    labels: dict


def _totals(responses):
    """The :class:`Totals` of ``responses``, in one query."""
    by_channel, by_version, labels = {}, {}, {}
    for row in (
        responses.order_by()
        .values("channel", "language", "easy_read")
        .annotate(n=Count("pk"))
        .order_by("easy_read", "language", "channel")
    ):
        by_channel[row["channel"]] = by_channel.get(row["channel"], 0) + row["n"]
        key = version_key(row["language"], row["easy_read"])
        by_version[key] = by_version.get(key, 0) + row["n"]
        labels[key] = version_label(row["language"], row["easy_read"])
    return Totals(sum(by_channel.values()), by_channel, by_version, labels)


def _percent(part, whole):
    if part is None or not whole:
        return None
    return 100 * part / whole


def _option_rows(question, counts, means, answered, suppressed):
    """The rows of a choice question; ``suppressed`` hides small counts (and, for a single
    answer per person, a second count that the total would reveal)."""
    options = list(question.options)
    known = {option.value for option in options}
    # Values no option has (an option removed after people chose it) are still counted.
    extra = sorted(value for value in counts if value not in known)
    ordered = {option.value: counts.get(option.value, 0) for option in options}
    ordered.update({value: counts[value] for value in extra})
    labels = {option.value: option.label for option in options}
    if not suppressed:
        return [
            Row(
                value=value,
                label=labels.get(value, value),
                count=count,
                display=str(count),
                share=_percent(count, answered),
                mean_rank=means.get(value),
            )
            for value, count in ordered.items()
        ]
    single = question.kind in SINGLE_VALUE_KINDS
    breakdown = suppress(ordered, with_total=single)
    whole = shown(answered).value
    return [
        Row(
            value=cell.key,
            label=labels.get(cell.key, cell.key),
            count=cell.value,
            display=cell.display,
            share=_percent(cell.value, whole),
            mean_rank=means.get(cell.key) if whole is not None else None,
        )
        for cell in breakdown
    ]


def _number_figures(answers, references):
    """``{reference: Figures}`` for number questions, in one query: a window numbers each
    question's answers in order, and only the one or two middle answers come back (with the
    count, the lowest and the highest), so the median needs no list of every answer."""
    if not references:
        return {}
    partition = [F("question")]
    rows = (
        answers.filter(question__in=references, number__isnull=False)
        .order_by()
        .annotate(
            place=Window(RowNumber(), partition_by=partition, order_by=F("number").asc()),
            total=Window(Count("pk"), partition_by=partition),
            lowest=Window(Min("number"), partition_by=partition),
            highest=Window(Max("number"), partition_by=partition),
        )
        .filter(Q(place=(F("total") + 1) / 2) | Q(place=(F("total") + 2) / 2))
        .values_list("question", "number", "total", "lowest", "highest")
    )
    middles, figures = {}, {}
    for reference, number, total, lowest, highest in rows:
        middles.setdefault(reference, []).append(Decimal(number))
        figures[reference] = Figures(count=total, minimum=lowest, maximum=highest)
    for reference, values in middles.items():
        figures[reference].median = sum(values) / len(values)
    return figures


def _answered(answers, questions, counts):
    """``{reference: how many people answered}`` for every question but numbers and free
    text (whose queries count them). A single-answer question's is the sum of its options'
    counts; the others (several answers per person, dates, postcodes) are counted in one
    query over their answers only, which is a fraction of the table."""
    answered = {
        q.reference: sum(counts.get(q.reference, {}).values())
        for q in questions
        if q.kind in SINGLE_VALUE_KINDS
    }
    others = [q.reference for q in questions if q.kind in MULTI_VALUE_KINDS | {"date", "postcode"}]
    if others:
        answered.update(
            answers.filter(question__in=others)
            .order_by()
            .values("question")
            .annotate(n=Count("response_id", distinct=True))
            .values_list("question", "n")
        )
    return answered


def _free_text_previews(answers, references):
    """``({reference: [(pk, text)]}, {reference: how many answered})``: the latest few
    answers to each free-text question and how many there are, in one query."""
    if not references:
        return {}, {}
    rows = (
        answers.filter(question__in=references)
        .exclude(text="")
        .order_by()
        .annotate(
            place=Window(RowNumber(), partition_by=[F("question")], order_by=F("pk").desc()),
            total=Window(Count("pk"), partition_by=[F("question")]),
        )
        .filter(place__lte=FREE_TEXT_PREVIEW)
        .values_list("question", "pk", "text", "total")
    )
    previews, totals = {}, {}
    for reference, pk, text, total in rows:
        previews.setdefault(reference, []).append((pk, text))
        totals[reference] = total
    for texts in previews.values():
        texts.sort(key=lambda item: -item[0])
    return previews, totals


TOO_FEW = _("Fewer than 5 people in this group answered, so no figures are shown.")


def version_choices():
    """``[(version key, label)]`` for the version filter: each content language, standard
    and Easy Read (worked out from the settings, so filtering costs no query)."""
    return [
        (version_key(code, easy_read), version_label(code, easy_read))
        for easy_read in (False, True)
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    ]


def survey_results(survey, filters=None):
    """Count ``survey``'s results (``survey`` is the results survey), as :class:`Results`."""
    filters = filters or Filters()
    suppressed = filters.active
    questions = survey.questions
    channel_labels = dict(Response.Channel.choices)

    counted = _totals(filtered_responses(survey, filters))
    total = counted.total
    total_cell = shown(total) if suppressed else None
    group_hidden = suppressed and total_cell.value is None

    results = Results(
        total=total_cell.value if suppressed else total,
        total_display=total_cell.display if suppressed else str(total),
        by_channel=_breakdown(counted.by_channel, channel_labels, suppressed),
        by_version=_breakdown(counted.by_version, counted.labels, suppressed),
        questions=[],
        suppressed=suppressed,
    )
    if group_hidden:
        results.by_channel = results.by_version = []
        results.questions = [
            QuestionResults(
                question=question,
                answered=None,
                answered_display=total_cell.display,
                withheld=str(TOO_FEW),
                suppressed=True,
            )
            for question in questions
        ]
        return results

    answers = answers_of(survey, filters)
    choices = [q.reference for q in questions if q.kind in SINGLE_VALUE_KINDS | MULTI_VALUE_KINDS]
    counts, means = {}, {}
    if choices:
        for row in (
            answers.filter(question__in=choices)
            .order_by()
            .values("question", "value")
            .annotate(n=Count("pk"), mean=Avg("rank"))
        ):
            counts.setdefault(row["question"], {})[row["value"]] = row["n"]
            if row["mean"] is not None:
                means.setdefault(row["question"], {})[row["value"]] = row["mean"]
    answered = _answered(answers, questions, counts)
    numbers = _number_figures(answers, [q.reference for q in questions if q.kind == "number"])
    previews, texts = _free_text_previews(
        answers, [q.reference for q in questions if q.kind in FREE_TEXT_KINDS]
    )
    answered.update({reference: figures.count for reference, figures in numbers.items()})
    answered.update(texts)

    for question in questions:
        hide = suppressed or question.is_about_you
        n = answered.get(question.reference, 0)
        item = QuestionResults(question=question, suppressed=hide)
        cell = shown(n) if hide else None
        item.answered = cell.value if hide else n
        item.answered_display = cell.display if hide else str(n)
        if hide and cell.value is None and not question.is_about_you:
            item.withheld = str(TOO_FEW)
        elif question.kind in SINGLE_VALUE_KINDS | MULTI_VALUE_KINDS:
            item.rows = _option_rows(
                question,
                counts.get(question.reference, {}),
                means.get(question.reference, {}),
                n,
                hide,
            )
            if question.is_about_you and cell.value is None:
                item.withheld = str(TOO_FEW)
        elif question.kind == "number":
            item.figures = numbers.get(question.reference)
        elif question.kind in FREE_TEXT_KINDS:
            item.texts = previews.get(question.reference, [])
        results.questions.append(item)
    return results


def free_text_answers(survey, reference, filters=None, theme=None):
    """The free-text answers to question ``reference``, newest first, with their themes
    (prefetched), for the paginated list."""
    filters = filters or Filters()
    answers = answers_of(survey, filters).filter(question=reference).exclude(text="")
    if theme is not None:
        answers = answers.filter(themes=theme)
    return answers.order_by("-pk").prefetch_related("themes")


def theme_counts(survey, filters=None):
    """``[(theme, count)]``: how many free-text answers each of ``survey``'s themes tags
    (``count`` as may be shown: suppressed when filtered)."""
    filters = filters or Filters()
    themes = list(
        survey.themes.annotate(
            n=Count("answers", filter=Q(answers__in=answers_of(survey, filters).values("pk")))
        ).order_by("name")
    )
    if filters.active:
        cells = suppress({theme.pk: theme.n for theme in themes}, with_total=False)
        return [(theme, cells[theme.pk].display) for theme in themes]
    return [(theme, str(theme.n)) for theme in themes]
