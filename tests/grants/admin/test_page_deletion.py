"""A page holding a grant programme with rounds cannot be deleted: rounds keep money for good."""

import pytest
from wagtail.models import Page

from chorus.common.factories import UserFactory
from plugins.grants.factories import GrantProgrammePageFactory
from plugins.grants.models import GrantProgrammePage, GrantRound

from .conftest import messages_of, signed_in

pytestmark = pytest.mark.django_db

REFUSAL = "This can't be deleted: it holds a grant programme with 1 funding round"


@pytest.fixture
def editor_client():
    admin = UserFactory(email="editor@example.org", is_staff=True, is_superuser=True)
    return signed_in(admin)


def test_deleting_a_programme_with_a_round_is_refused_with_a_reason(
    editor_client, open_round, programme
):
    response = editor_client.post(f"/admin/pages/{programme.pk}/delete/")

    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{programme.get_parent().pk}/"
    assert any(REFUSAL in message for message in messages_of(response))
    assert GrantProgrammePage.objects.filter(pk=programme.pk).exists()
    assert GrantRound.objects.filter(pk=open_round.pk).exists()


def test_deleting_the_home_page_above_a_programme_is_refused_too(
    editor_client, open_round, grants_site
):
    home = grants_site.root_page

    response = editor_client.post(f"/admin/pages/{home.pk}/delete/")

    assert any(REFUSAL in message for message in messages_of(response))
    assert Page.objects.filter(pk=home.pk).exists()


def test_bulk_deleting_a_programme_with_a_round_is_refused(editor_client, open_round, programme):
    response = editor_client.post(
        f"/admin/bulk/wagtailcore/page/delete/?id={programme.pk}&next=/admin/pages/",
    )

    assert any(REFUSAL in message for message in messages_of(response))
    assert GrantProgrammePage.objects.filter(pk=programme.pk).exists()


def test_a_programme_without_rounds_can_still_be_deleted(editor_client, grants_site):
    empty = GrantProgrammePageFactory(parent=grants_site.root_page, slug="empty", title="Empty")

    response = editor_client.post(f"/admin/pages/{empty.pk}/delete/")

    assert response.status_code == 302
    assert not GrantProgrammePage.objects.filter(pk=empty.pk).exists()
