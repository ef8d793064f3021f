"""The demo gives the charter and the health assembly Easy Read versions worth reading."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model

from chorus.easyread.models import EasyReadPage
from chorus.easyread.sentences import long_sentences
from tests.demo.seeded import seeded_once
from tests.partnerships.fixtures import WAGTAIL_RENDITION_LEAK

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.xdist_group("demo-easyread"),
    WAGTAIL_RENDITION_LEAK,
]

NETWORK = {"host": "localhost:8000"}
VERSIONS = ["/charter/easy-read/", "/assemblies/health-assembly-pilot/easy-read/"]


demo = seeded_once(port=8000)


@pytest.fixture(autouse=True)
def media_in_tmp():
    """The demo's pictures stay in the folder they were seeded into (not a fresh one per
    test, as the package's other tests have)."""


def test_the_demo_charter_and_assembly_have_easy_read_versions_linked_both_ways(client, demo):
    for url in VERSIONS:
        original = url.removesuffix("easy-read/")
        html = client.get(original, headers=NETWORK).content.decode()
        assert f'<a href="{url}">Easy Read version' in html

        response = client.get(url, headers=NETWORK)
        assert response.status_code == 200
        assert f'<p class="easy-read-switch"><a href="{original}">Standard version' in (
            response.content.decode()
        )


def test_every_demo_sentence_is_short_and_has_a_picture_with_alt_text(client, demo):
    versions = list(EasyReadPage.objects.all())
    # The charter, the health assembly pilot and the network's bulletin.
    assert len(versions) == 3
    for version in versions:
        assert long_sentences(version.sentences()) == []
        ideas = [block.value for block in version.body if block.block_type == "idea"]
        assert len(ideas) >= 3
        for value in ideas:
            assert value["picture"] is not None and value["picture"].contextual_alt_text

    html = client.get(VERSIONS[0], headers=NETWORK).content.decode()
    alts = re.findall(r'<img alt="([^"]*)"', html)
    assert "Three people standing together" in alts and "" not in alts


def test_seeding_again_adds_no_second_version_or_picture(demo):
    pictures = get_image_model().objects.count()

    call_command("seed_demo", port=8000, stdout=StringIO())

    assert EasyReadPage.objects.count() == 3
    assert get_image_model().objects.count() == pictures
