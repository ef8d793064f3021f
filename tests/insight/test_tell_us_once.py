"""Tell us once: the editor of an assembly or a survey shows what people already told us on
its topic and place, within what the editor may see."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from wagtail.models import GroupPagePermission

from coproduction.factories import AssemblyIndexPageFactory, AssemblyPageFactory
from coproduction.models import ConsentLevel, Topic
from plugins.surveys.factories import SurveyPageFactory

from .conftest import make_insight

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard(medway, west_kent, theme):
    return {
        "words": make_insight(
            "The bus to Medway Maritime Hospital stops running at six.",
            place=medway,
            partnership=medway,
            consent=ConsentLevel.PUBLIC,
        ),
        "elsewhere": make_insight(
            "No bus to the hospital from Sevenoaks on Sundays.",
            place=west_kent,
            partnership=west_kent,
            consent=ConsentLevel.PUBLIC,
        ),
        "theme": make_insight(
            "Three weeks for a call back.",
            place=medway,
            partnership=medway,
            consent=ConsentLevel.PARTNERS,
            themes=[theme],
        ),
        "internal": make_insight(
            "Internal note: hospital transport contract ends soon.",
            place=medway,
            partnership=west_kent,
            consent=ConsentLevel.INTERNAL,
        ),
    }


def test_an_assemblys_editor_sees_insight_on_its_topic_and_place(client, users, heard, medway_site):
    index = AssemblyIndexPageFactory(parent=medway_site.root_page)
    page = AssemblyPageFactory(
        parent=index,
        topic="How can we make it easier to get to hospital by bus?",
        start_date=datetime.date(2026, 2, 1),
    )
    editor = users["editor"]
    GroupPagePermission.objects.create(
        group=editor.groups.get(),
        page=medway_site.root_page,
        permission=Permission.objects.get(codename="change_page"),
    )
    client.force_login(editor)
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Already heard: insight on this topic and place" in html
    assert "stops running at six" in html
    assert "Sevenoaks" not in html  # another place
    assert "Internal note" not in html  # West Kent's own, about Medway: not the editor's


def test_a_surveys_editor_sees_insight_on_its_topics(client, users, heard, medway_site, enable):
    enable("surveys", medway_site)
    survey = SurveyPageFactory(parent=medway_site.root_page, title="Your views", slug="views")
    survey.topics.add(Topic.objects.create(name="Waiting times", slug="waiting-times"))
    survey.save()
    client.force_login(users["superuser"])
    html = client.get(f"/admin/pages/{survey.pk}/edit/").content.decode()
    assert "Three weeks for a call back." in html
