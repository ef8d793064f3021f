"""A resident on a phone books a place at Medway's volunteer meet-up from its page, fixing a
missing answer; at the door, a volunteer checks them in on a phone with their code."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

MEDWAY = "medway-swale.localhost"
MEET_UP = "/events/medway-time-credits-volunteer-meet-up/"
PASSWORD = "door-volunteer-password-1"


def test_a_resident_books_a_place_and_is_checked_in_at_the_door(
    demo_server, browser_page, chromium, assert_accessible
):
    from chorus.common.factories import UserFactory
    from coproduction.models import Booking

    page = browser_page
    page.goto(demo_server(MEDWAY, MEET_UP))
    page.get_by_role("link", name="Book a place").first.click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Sign up: Medway Time Credits volunteer meet-up"
    )
    assert_accessible(page)
    page.get_by_label("Your name").fill("Agnieszka Nowak")
    page.get_by_role("button", name="Book my place").click()

    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.get_by_role("alert")).to_contain_text("Enter your email address")
    assert_accessible(page)
    page.get_by_label("Email address").fill("agnieszka@example.org")
    page.get_by_role("button", name="Book my place").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your place is booked")
    assert_accessible(page)
    booking = Booking.objects.get(email="agnieszka@example.org")
    assert booking.status == "confirmed"

    staff = UserFactory(username="door", email="door@example.org", is_superuser=True)
    staff.set_password(PASSWORD)
    staff.save()
    errors = []
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    door = context.new_page()
    door.on("console", lambda message: errors.append(message.text))
    door.goto(demo_server(MEDWAY, "/admin/login/"))
    door.get_by_label("Username").fill("door")
    door.get_by_label("Password").fill(PASSWORD)
    door.get_by_role("button", name="Sign in").click()
    door.goto(demo_server(MEDWAY, f"/admin/taking-part/{booking.page_id}/scan/"))

    # Headless Chromium on Linux has no BarcodeDetector: the page says to type the code.
    expect(door.get_by_text("Type the check-in code instead")).to_be_visible()
    door.get_by_label("Check-in code").fill(booking.check_in_code)
    door.get_by_role("button", name="Check in", exact=True).click()
    expect(door.locator(".taking-part-outcome")).to_contain_text("Checked in: Agnieszka Nowak.")
    door.get_by_label("Check-in code").fill(booking.check_in_code)
    door.get_by_role("button", name="Check in", exact=True).click()
    expect(door.locator(".taking-part-outcome")).to_contain_text(
        "Agnieszka Nowak is already checked in"
    )
    assert not [e for e in errors if "Content Security Policy" in e], errors
    context.close()
