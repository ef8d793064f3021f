"""Who sees the Time credits menu and screens: scheme administrators, each of their own."""

import pytest
from django.contrib.auth.models import Group, Permission

from chorus.common.factories import UserFactory
from chorus.plugins import enablement
from plugins.timecredits.models import Scheme
from plugins.timecredits.permissions import administered_schemes, scheme_admins

from .conftest import WEST_KENT, assert_refused, signed_in

pytestmark = pytest.mark.django_db

LINKS = (
    "/admin/timecredits/schemes/",
    "/admin/timecredits/partners/",
    "/admin/timecredits/offers/",
    "/admin/timecredits/allocate/",
    "/admin/timecredits/ledger/",
    "/admin/timecredits/reports/",
)


def menu_links(client):
    html = client.get("/admin/").content.decode()
    return [link for link in LINKS if f'"{link}"' in html or f"&quot;{link}&quot;" in html]


def test_the_scheme_admin_group_is_made_once_with_admin_access(scheme):
    group = scheme_admins(scheme)
    assert group.name == "Time credits administrators: Medway and Swale Health and Care Partnership"
    assert scheme_admins(scheme) == group
    assert group.permissions.filter(codename="access_admin").exists()


def test_scheme_admins_see_the_menu_where_the_plugin_is_on(admin_browser):
    assert menu_links(admin_browser) == list(LINKS)
    for url in LINKS:
        assert admin_browser.get(url).status_code == 200, url


def test_the_menu_is_hidden_where_the_plugin_is_off(medway_admin, credits_site, west_kent_site):
    assert menu_links(signed_in(medway_admin, host=WEST_KENT)) == []
    enablement.disable("timecredits", credits_site)
    assert menu_links(signed_in(medway_admin)) == []


def test_editors_who_run_no_scheme_see_nothing_and_are_refused(scheme):
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    editor = UserFactory(email="editor@example.org")
    editor.groups.add(editors)
    client = signed_in(editor)
    assert menu_links(client) == []
    for url in LINKS:
        assert_refused(client.get(url))


def test_superusers_see_every_scheme(admin_client, scheme, west_kent_scheme):
    admin_client.defaults["HTTP_HOST"] = "medway-swale.localhost"
    assert menu_links(admin_client) == list(LINKS)
    html = admin_client.get("/admin/timecredits/schemes/").content.decode()
    assert "Medway Time Credits" in html and "West Kent Time Credits" in html


def test_medways_admin_sees_nothing_of_west_kents_scheme(
    admin_browser, medway_admin, library, west_kent_library, west_kent_cinema, west_kent_scheme
):
    assert list(administered_schemes(medway_admin)) == [library.scheme]
    pages = {
        url: admin_browser.get(url).content.decode()
        for url in (
            "/admin/timecredits/schemes/",
            "/admin/timecredits/partners/",
            "/admin/timecredits/offers/",
            "/admin/timecredits/allocate/",
            "/admin/timecredits/ledger/",
            "/admin/timecredits/reports/",
        )
    }
    for url, html in pages.items():
        assert "West Kent" not in html, url
        assert "Tonbridge" not in html, url
    assert "Chatham Library Friends" in pages["/admin/timecredits/partners/"]
    wk_allocation = west_kent_library.entries.get().transaction
    for url in (
        f"/admin/timecredits/schemes/edit/{west_kent_scheme.pk}/",
        f"/admin/timecredits/partners/{west_kent_library.pk}/",
        f"/admin/timecredits/offers/edit/{west_kent_cinema.offers.get().pk}/",
        f"/admin/timecredits/offers/{west_kent_cinema.offers.get().pk}/deactivate/",
        f"/admin/timecredits/ledger/{wk_allocation.pk}/",
        f"/admin/timecredits/reports/{west_kent_scheme.pk}/",
        f"/admin/timecredits/reports/{west_kent_scheme.pk}/report.csv",
    ):
        assert admin_browser.get(url).status_code == 404, url
    # Nor can a tampered form reach it.
    response = admin_browser.post(
        "/admin/timecredits/allocate/",
        {
            "partner": west_kent_library.pk,
            "credits": "5",
            "idempotency_key": "allocate-00000000-0000-0000-0000-000000000000",
        },
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    west_kent_library.refresh_from_db()
    assert west_kent_library.balance == 40


def test_a_scheme_admin_edits_their_scheme_but_cannot_add_or_move_one(
    admin_browser, scheme, west_kent_site
):
    assert admin_browser.get("/admin/timecredits/schemes/new/").status_code == 302
    url = f"/admin/timecredits/schemes/edit/{scheme.pk}/"
    assert admin_browser.get(url).status_code == 200
    response = admin_browser.post(
        url,
        {
            "site": west_kent_site.pk,
            "name": "Medway Time Credits (renamed)",
            "rules": "One hour, one credit.",
            "administered_by": scheme.administered_by_id,
            "participation_credits": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    scheme.refresh_from_db()
    assert scheme.name == "Medway Time Credits (renamed)"
    assert scheme.site.hostname == "medway-swale.localhost"


def test_schemes_are_never_deleted(admin_client, scheme):
    admin_client.defaults["HTTP_HOST"] = "medway-swale.localhost"
    assert admin_client.get(f"/admin/timecredits/schemes/delete/{scheme.pk}/").status_code == 404
    assert Scheme.objects.filter(pk=scheme.pk).exists()


def test_a_superuser_opens_a_scheme_for_a_site_without_one(admin_client, scheme, west_kent_site):
    admin_client.defaults["HTTP_HOST"] = "medway-swale.localhost"
    form = admin_client.get("/admin/timecredits/schemes/new/").content.decode()
    assert "West Kent Health and Care Partnership" in form
    response = admin_client.post(
        "/admin/timecredits/schemes/new/",
        {
            "site": scheme.site_id,
            "name": "A second Medway scheme",
            "rules": "One hour, one credit.",
            "administered_by": scheme.administered_by_id,
            "participation_credits": "1",
        },
    )
    assert response.status_code == 200  # Medway has its scheme already
    response = admin_client.post(
        "/admin/timecredits/schemes/new/",
        {
            "site": west_kent_site.pk,
            "name": "West Kent Time Credits",
            "rules": "One hour, one credit.",
            "administered_by": scheme.administered_by_id,
            "participation_credits": "1",
        },
    )
    assert response.status_code == 302
    assert Scheme.objects.get(site=west_kent_site).name == "West Kent Time Credits"
