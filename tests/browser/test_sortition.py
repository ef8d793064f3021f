"""The demo's draw by lot as a visitor sees it: the assembly's seed panel and the draw's public
page pass axe on a phone and reflow at 320px (long ids and the command wrap or scroll in
their own box, never the page)."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from coproduction.factories import AssemblyPageFactory, PersonFactory
from coproduction.models import AssemblyPage, Invitation, InvitationRound
from coproduction.models.signup import hash_token
from partnerships.models import PartnershipHomePage
from tests.sortition.helpers import publish_draw

from .test_accessibility import PHONE, assert_no_sideways_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_draws_public_page_and_seed_panel_are_accessible_on_a_phone(
    demo_server, browser_page, assert_accessible
):
    url = demo_server("localhost", "/")
    assembly = AssemblyPage.objects.filter(slug="health-assembly-pilot").order_by("pk").first()
    medway = PartnershipHomePage.objects.filter(slug="medway-swale").order_by("pk").first()
    selection = publish_draw(assembly, [medway])
    page = browser_page
    page.set_viewport_size(PHONE)
    page.goto(url.rstrip("/") + "/assemblies/health-assembly-pilot/")
    expect(page.get_by_role("heading", name="Selection by lot")).to_be_visible()
    assert_accessible(page)
    assert_no_sideways_scroll(page, widths=(320,))

    page.set_viewport_size(PHONE)
    page.goto(url.rstrip("/") + f"/selection-by-lot/{selection.assembly_id}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Selection by lot")
    expect(page.get_by_role("link", name="The draw's program (Python)")).to_be_visible()
    assert_accessible(page)
    assert_no_sideways_scroll(page, widths=(320,))


def test_the_volunteer_form_is_accessible_on_a_phone_with_and_without_errors(
    demo_server, browser_page, assert_accessible
):
    url = demo_server("localhost", "/").rstrip("/")
    pilot = AssemblyPage.objects.filter(slug="health-assembly-pilot").order_by("pk").first()
    assembly = AssemblyPageFactory(parent=pilot.get_parent(), title="Winter health assembly")
    person = PersonFactory(places=[PartnershipHomePage.objects.order_by("pk").first()])
    invitation_round = InvitationRound.objects.create(assembly=assembly, size=1, seed="x")
    Invitation.objects.create(
        round=invitation_round,
        assembly=assembly,
        person=person,
        token_hash=hash_token("a-browser-test-link"),
        sent_at=timezone.now(),
    )
    page = browser_page
    page.set_viewport_size(PHONE)
    page.goto(f"{url}/volunteer/a-browser-test-link/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Volunteer for Winter health assembly"
    )
    assert_accessible(page)
    assert_no_sideways_scroll(page, widths=(320,))

    page.set_viewport_size(PHONE)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert_accessible(page)
