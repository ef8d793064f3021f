"""Editors find a page's Easy Read version from the page itself, in its header menu."""

import pytest

from chorus.easyread.factories import EasyReadPageFactory

pytestmark = pytest.mark.django_db


def test_a_page_s_header_menu_offers_to_add_then_to_edit_its_easy_read_version(
    admin_client, charter
):
    add = f"/admin/pages/add/easyread/easyreadpage/{charter.pk}/"
    before = admin_client.get(f"/admin/pages/{charter.pk}/edit/").content.decode()
    assert f'href="{add}"' in before and "Add Easy Read version" in before

    version = EasyReadPageFactory(parent=charter)

    after = admin_client.get(f"/admin/pages/{charter.pk}/edit/").content.decode()
    assert "Add Easy Read version" not in after
    assert f'href="/admin/pages/{version.pk}/edit/"' in after and "Edit Easy Read version" in after
