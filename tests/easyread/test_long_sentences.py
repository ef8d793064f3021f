"""Editors are told about Easy Read sentences over 15 words when they save; the save goes on."""

import pytest

from chorus.easyread.factories import EasyReadPageFactory, idea
from chorus.easyread.models import EasyReadPage
from chorus.easyread.sentences import count_words, long_sentences, split_sentences
from tests.easyread.admin_forms import page_form

pytestmark = pytest.mark.django_db

LONG = (
    "The partnership board will read every recommendation from the assembly and write back "
    "to each participant about what it decided to do."
)  # 22 words
SHORT = "We will write to you."


def test_publishing_an_easy_read_page_lists_each_long_sentence_with_its_word_count(
    admin_client, charter
):
    url = f"/admin/pages/add/easyread/easyreadpage/{charter.pk}/"
    response = admin_client.post(
        url, page_form("The charter in Easy Read", SHORT, LONG, publish=True), follow=True
    )

    html = response.content.decode()
    assert response.status_code == 200
    version = EasyReadPage.objects.child_of(charter).get()
    assert version.live  # the warning does not stop the save
    assert "Easy Read sentences should be 15 words or fewer. This sentence is longer:" in html
    assert f"{LONG} <strong>(22 words)</strong>" in html
    assert SHORT not in html.split("easy-read-long-sentences")[1].split("</ul>")[0]


def test_saving_a_draft_with_only_short_sentences_gives_no_warning(admin_client, charter):
    version = EasyReadPageFactory(parent=charter, body=[idea(SHORT)])

    response = admin_client.post(
        f"/admin/pages/{version.pk}/edit/",
        page_form("The charter in Easy Read", SHORT, "You can sign it too."),
        follow=True,
    )

    assert response.status_code == 200
    assert "easy-read-long-sentences" not in response.content.decode()


def test_editing_an_easy_read_page_flags_every_long_sentence_in_a_block(admin_client, charter):
    version = EasyReadPageFactory(parent=charter, body=[idea(SHORT)])
    two_long = f"{LONG} {LONG}"

    response = admin_client.post(
        f"/admin/pages/{version.pk}/edit/", page_form("Easy Read", two_long), follow=True
    )

    html = response.content.decode()
    assert "These sentences are longer:" in html
    assert html.count("<strong>(22 words)</strong>") == 2
    version.refresh_from_db()
    assert version.get_latest_revision().as_object().sentences() == [two_long]


def test_the_editor_loads_the_live_long_sentence_marker(admin_client, charter):
    version = EasyReadPageFactory(parent=charter)

    html = admin_client.get(f"/admin/pages/{version.pk}/edit/").content.decode()

    assert 'easyread/js/long-sentences.js" data-max-words="15"' in html
    assert "easy-read-sentence" in html  # the class the script looks for


def test_sentences_are_split_at_full_stops_and_words_are_counted_without_dashes():
    assert split_sentences("We meet. Do you? Yes!  ") == ["We meet.", "Do you?", "Yes!"]
    assert count_words("Travel – and food – is paid for £50.") == 7
    assert long_sentences([SHORT, LONG])[0].words == 22
