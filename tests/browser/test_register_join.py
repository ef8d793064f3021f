"""A visitor on a phone joins the Citizens' Panel from the Medway and Swale site, confirms
by the emailed link, and later withdraws with the link in the welcome email.

Runs with ``-m browser -p no:xdist`` (Debian's Chromium, Playwright).
"""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

HOST = "medway-swale.localhost"


def test_a_visitor_joins_the_citizens_panel_confirms_and_later_withdraws(
    live_server, browser_page, assert_accessible
):
    from chorus.mail.models import OutgoingEmail
    from coproduction.models import Consent, Person, Purpose
    from partnerships.factories import make_partnership_site

    port = urlsplit(live_server.url).port
    make_partnership_site(
        HOST, "Medway and Swale Health and Care Partnership", port=port, area_served="Medway"
    )
    page = browser_page
    page.goto(f"http://{HOST}:{port}/join/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Join the involvement register")
    expect(page.get_by_label("Medway and Swale Health and Care Partnership")).to_be_checked()
    assert_accessible(page)

    page.get_by_label("Email address").fill("amira@example.org")
    page.get_by_label("Citizens' Panel: invite me to surveys and panels").check()
    page.get_by_role("button", name="Send me the link to join").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("You chose “Citizens' Panel")
    expect(page.get_by_label("Email address")).to_have_value("amira@example.org")
    assert_accessible(page)

    page.get_by_label("Invite me to surveys, panels, assemblies and events").check()
    page.get_by_role("button", name="Send me the link to join").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    assert not Person.objects.exists()

    (email,) = OutgoingEmail.objects.filter(to=["amira@example.org"])
    page.goto(re.search(r"http://\S+/join/confirm/\S+", email.body)[0])
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm that you want to join")
    assert_accessible(page)
    page.get_by_role("button", name="Join the register").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You are on the register")

    person = Person.objects.get(email="amira@example.org")
    assert person.roles.get().role == "citizens_panel"
    welcome = OutgoingEmail.objects.filter(to=["amira@example.org"]).latest("pk")
    page.goto(re.search(r"http://\S+/your-involvement/\S+", welcome.body)[0])
    stop = "Stop: Invitations to surveys, panels and events"
    page.get_by_role("button", name=stop).click()
    expect(page.get_by_text("you said no to “Invitations to surveys")).to_be_visible()
    assert not Consent.objects.get(person=person, purpose=Purpose.INVITATIONS).granted
