"""A partner organisation signs the network's charter from a phone, then tries again."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

ORGANISATION = "Medway Council"  # a partner the demo has not signed the charter for


def sign(page, name):
    """Fill in and send the signing form as a person would: by the labels they read."""
    page.get_by_label("Your organisation", exact=True).select_option(label=ORGANISATION)
    page.get_by_label("Your name", exact=True).fill(name)
    page.get_by_label("Your email address", exact=True).fill("engagement@medway.example.org")
    page.get_by_label("Your role in the organisation", exact=True).fill("Head of engagement")
    page.get_by_label("What your organisation commits to", exact=True).fill(
        "We will pay people with lived experience for their time on our boards."
    )
    page.get_by_label("I am authorised to sign on behalf of this organisation").check()
    page.get_by_role("button", name="Sign the charter").click()


def test_organisation_signs_the_charter_once_and_is_told_when_it_signs_again(
    demo_server, browser_page, assert_accessible
):
    from coproduction.models import CharterSignature

    page = browser_page
    page.goto(demo_server("localhost", "/charter/"))
    page.get_by_role("link", name="Sign on behalf of your organisation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign the Co-production charter")

    sign(page, "Sam Okafor")
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for signing")
    expect(page.get_by_role("status")).to_contain_text("an editor will review your signature")
    assert_accessible(page)
    signature = CharterSignature.objects.get(organisation__name=ORGANISATION)
    assert signature.is_pending
    assert signature.contact_name == "Sam Okafor"

    # A colleague who does not know it has been signed tries again.
    page.get_by_role("link", name="Back to the Co-production charter").click()
    page.get_by_role("link", name="Sign on behalf of your organisation").click()
    sign(page, "Alex Smith")

    expect(page.get_by_role("heading", level=1)).to_have_text("Sign the Co-production charter")
    expect(page).to_have_title(re.compile(r"^Error: "))
    problem = page.get_by_role("alert")
    expect(problem).to_contain_text("There is a problem")
    expect(problem).to_contain_text(
        f"{ORGANISATION} has already signed version 1.0 of this charter, or its signature is "
        "waiting for an editor's review."
    )
    organisation = page.get_by_label("Your organisation", exact=True)
    expect(organisation).to_have_attribute("aria-invalid", "true")
    # The error summary names the field, and its link takes the person there.
    problem.get_by_role("link", name=re.compile(r"^Your organisation: ")).click()
    expect(organisation).to_be_focused()
    assert_accessible(page)
    assert CharterSignature.objects.filter(organisation__name=ORGANISATION).count() == 1
