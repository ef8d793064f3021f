"""The panel's summary of an application's assessments, made without a request."""

import pytest

from chorus.common.factories import UserFactory
from plugins.grants.admin import assessing

pytestmark = pytest.mark.django_db


def scored(application, assessor, values, recommendation):
    criteria = application.round.criteria.order_by("sort_order")
    scores = dict(zip(criteria, values, strict=True))
    assessing.record_assessment(application, assessor, scores=scores, recommendation=recommendation)


def test_the_summary_averages_the_scores_and_counts_the_recommendations(submitted_application):
    ruth, omar, kim = (UserFactory(first_name=name) for name in ("Ruth", "Omar", "Kim"))
    scored(submitted_application, ruth, [5, 4, 3], "yes")
    scored(submitted_application, omar, [4, 4, 2], "maybe")
    assessing.declare_conflict(submitted_application, kim, details="I chair the group.")

    summary = assessing.summarise(submitted_application)

    assert [c.title for c in summary.criteria] == [
        "Benefit to the community",
        "People who use services are involved",
        "Value for money",
    ]
    assert [(row.assessment.assessor, row.scores, row.total) for row in summary.rows] == [
        (ruth, [5, 4, 3], 12),
        (omar, [4, 4, 2], 10),
    ]
    assert summary.averages == [4.5, 4, 2.5]
    assert (summary.average_total, summary.max_total) == (11, 15)
    assert dict(summary.recommendations) == {"Fund": 1, "Maybe": 1, "Do not fund": 0}
    assert [a.assessor for a in summary.conflicts] == [kim]


def test_an_application_nobody_has_scored_has_no_averages(submitted_application):
    summary = assessing.summarise(submitted_application)

    assert summary.rows == [] and summary.conflicts == []
    assert summary.averages == [None, None, None]
    assert summary.average_total is None
    assert summary.max_total == 15
