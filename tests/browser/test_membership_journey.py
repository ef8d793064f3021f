"""Joining and the member area in a real browser, at a phone's width, checked with axe.

Runs with ``-m browser -p no:xdist`` (Debian's Chromium, Playwright).
"""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

HOST = "sharing-care.localhost"


@pytest.fixture
def coop(live_server):
    """Sharing Care's site on the live server's port, with its register and two classes.

    Returns ``url(path)``.
    """
    from partnerships.factories import (
        MemberClassFactory,
        MemberRegisterFactory,
        make_partnership_site,
    )
    from partnerships.models import PartnershipHomePage

    port = urlsplit(live_server.url).port
    site = make_partnership_site(
        HOST, "Sharing Care co-op", port=port, kind=PartnershipHomePage.Kind.COOP
    )
    register = MemberRegisterFactory(site=site)
    MemberClassFactory(register=register, name="User member", sort_order=1)
    MemberClassFactory(
        register=register,
        name="Worker member",
        description="People employed by Sharing Care.",
        sort_order=2,
    )

    def url(path="/"):
        return f"http://{HOST}:{port}{path}"

    return url


def test_a_person_applies_from_a_phone_and_sees_their_membership(
    coop, browser_page, assert_accessible
):
    from chorus.common.factories import UserFactory
    from partnerships import membership
    from partnerships.models import Membership

    person = UserFactory(email="amina@example.org", first_name="Amina", last_name="Begum")
    page = browser_page
    page.goto(coop("/members/join/"))
    # Signed out: the sign-in page, which comes back to the form.
    page.get_by_label("Email address").fill("amina@example.org")
    page.get_by_label("Password").fill("chorus-pass-1")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Apply to join Sharing Care co-op")
    assert_accessible(page)

    page.get_by_role("button", name="Send my application").click()
    expect(page.get_by_role("alert")).to_contain_text("Tick the box")
    assert_accessible(page)
    assert not Membership.objects.exists()

    page.get_by_label("Worker member").check()
    page.get_by_label("Tell us about yourself").fill("I work for Sharing Care in Chatham.")
    page.get_by_label("I would like to become a member").check()
    page.get_by_role("button", name="Send my application").click()
    expect(page.get_by_text("your application has been sent")).to_be_visible()
    expect(page.get_by_text("waiting for the secretary")).to_be_visible()
    assert_accessible(page)

    membership.approve(Membership.objects.get(user=person), by=None)
    page.reload()
    expect(page.get_by_text("SC-0001")).to_be_visible()
    page.get_by_label("Show my name in the members' directory").check()
    page.get_by_label("A short note for other members").fill("Ask me about rotas")
    page.get_by_role("button", name="Save my choice").click()
    expect(page.get_by_text("other members can now see you")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="See the members' directory").click()
    expect(page.get_by_text("Ask me about rotas")).to_be_visible()
    assert_accessible(page)
