"""Voting in a browser, from the demo: a member of the Sharing Care co-op votes on a phone, is
shown their receipt code once, cannot vote again, and after the close finds their code, with
their choice, in the published list; a site with voting off answers 404.

The demo is seeded without people, so the test makes the members it needs in the co-op's
own member classes, and the ballot, through the plugin's factories (the real lifecycle)."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.header import open_menu

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

SHARING_CARE = "sharing-care.localhost"
MEDWAY = "medway-swale.localhost"
HAVE_YOUR_SAY = "/plugins/voting/"
PASSWORD = "Tea-and-a-chat-on-Thursdays-2026"
TITLE = "Adopt the revised rules of Sharing Care"
ALREADY_VOTED = "You have already voted in this ballot."


def sign_in(page, url, email):
    """Sign in on the site's own sign-in form with an email address and the password."""
    page.goto(url)
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def member(email, first_name, last_name, class_name):
    """An active member of Sharing Care in the demo's class of that name."""
    from chorus.common.factories import UserFactory
    from partnerships.factories import MembershipFactory
    from partnerships.models import MemberClass

    member_class = MemberClass.objects.get(register__site__hostname=SHARING_CARE, name=class_name)
    user = UserFactory(email=email, first_name=first_name, last_name=last_name, password=PASSWORD)
    return MembershipFactory(member_class=member_class, user=user)


def open_rules_ballot():
    """An open, secret ordinary resolution on which user and worker members vote."""
    from wagtail.models import Site

    from partnerships.models import MemberClass
    from plugins.voting.factories import ballot_in_state

    site = Site.objects.get(hostname=SHARING_CARE)
    classes = MemberClass.objects.filter(
        register__site=site, name__in=["User member", "Worker member"]
    )
    return ballot_in_state(
        "open",
        site=site,
        classes=list(classes),
        title=TITLE,
        question="That Sharing Care adopts the revised rules sent to every member.",
    )


def heading(page):
    return page.get_by_role("heading", level=1)


def test_a_member_votes_on_a_phone_and_finds_their_receipt_in_the_published_list(
    demo_server, browser_page, chromium, assert_accessible
):
    from plugins.voting import casting
    from plugins.voting.factories import close_now
    from plugins.voting.models import BallotPaper, Elector
    from plugins.voting.receipts import normalise

    dorothy = member("dorothy.pearce@example.org", "Dorothy", "Pearce", "User member")
    others = [
        member("kevin.doyle@example.org", "Kevin", "Doyle", "User member"),
        member("chloe.barnes@example.org", "Chloe", "Barnes", "Worker member"),
    ]
    ballot = open_rules_ballot()
    ballot_url = demo_server(SHARING_CARE, f"{HAVE_YOUR_SAY}ballots/{ballot.pk}/")

    phone = browser_page
    sign_in(phone, demo_server(SHARING_CARE, "/account/sign-in/"), dorothy.user.email)
    expect(phone).to_have_url(demo_server(SHARING_CARE, "/account/"))

    # From the co-op's home page, "Have your say" lists the open ballot with "Vote now".
    phone.goto(demo_server(SHARING_CARE, "/"))
    open_menu(phone).get_by_role("link", name="Have your say").click()
    expect(heading(phone)).to_have_text("Have your say")
    open_now = phone.get_by_role("region", name="Open for votes")
    expect(open_now.get_by_role("link", name=TITLE)).to_be_visible()
    expect(open_now.get_by_role("link", name="Vote now")).to_be_visible()
    assert_accessible(phone)

    open_now.get_by_role("link", name=TITLE).click()
    expect(heading(phone)).to_have_text(TITLE)
    expect(phone.get_by_text("That Sharing Care adopts the revised rules")).to_be_visible()
    # Nothing is counted while the ballot is open, so no result is shown.
    expect(phone.get_by_role("region", name="Your vote")).to_be_visible()
    assert_accessible(phone)

    # A second tab with the same ballot paper open, as people leave tabs lying about.
    stale_tab = phone.context.new_page()
    stale_tab.goto(ballot_url)
    expect(stale_tab.get_by_role("button", name="Continue")).to_be_visible()

    # Sending without choosing says what is missing and records nothing.
    phone.get_by_role("button", name="Continue").click()
    expect(phone.get_by_text("Choose one option before sending your vote.").first).to_be_visible()
    assert not BallotPaper.objects.filter(ballot=ballot).exists()
    assert_accessible(phone)

    phone.get_by_label("For", exact=True).check()
    phone.get_by_role("button", name="Continue").click()
    # Check your vote: nothing is recorded until it is sent.
    expect(heading(phone)).to_have_text("Check your vote before sending it")
    assert not BallotPaper.objects.filter(ballot=ballot).exists()
    assert_accessible(phone)
    phone.get_by_role("button", name="Send my vote").click()

    # The receipt, shown once, in the answer to the vote itself.
    expect(heading(phone)).to_have_text("Thank you: your vote has been recorded")
    expect(phone.get_by_text("You voted: For.")).to_be_visible()
    receipt = phone.locator(".voting-receipt code").inner_text().strip()
    assert normalise(receipt) == receipt
    [paper] = BallotPaper.objects.filter(ballot=ballot)
    assert paper.receipt == receipt
    assert paper.elector_id is None  # a secret ballot: the paper does not name Dorothy
    assert Elector.objects.get(ballot=ballot, membership=dorothy).voted
    assert_accessible(phone)

    # The stale tab's paper is refused, and nothing new is recorded.
    stale_tab.get_by_label("Against", exact=True).check()
    stale_tab.get_by_role("button", name="Continue").click()
    expect(stale_tab.get_by_text(ALREADY_VOTED)).to_be_visible()
    expect(stale_tab.locator(".voting-receipt")).to_have_count(0)
    stale_tab.close()
    assert BallotPaper.objects.filter(ballot=ballot).count() == 1

    # Back on the ballot page: voted, no paper to fill in again, and no receipt code.
    phone.goto(ballot_url)
    expect(phone.get_by_text("You have voted", exact=True)).to_be_visible()
    expect(phone.get_by_role("button", name="Continue")).to_have_count(0)
    expect(phone.get_by_text(receipt)).to_have_count(0)

    # Other members vote; then the ballot closes and its result is published.
    for other, code in zip(others, ["for", "against"], strict=True):
        casting.cast(ballot, other.user, [ballot.options.get(code=code).pk])
    close_now(ballot)

    phone.goto(ballot_url)
    expect(phone.get_by_text(re.compile("Voting closed on"))).to_be_visible()
    assert_accessible(phone)

    phone.goto(demo_server(SHARING_CARE, f"{HAVE_YOUR_SAY}ballots/{ballot.pk}/receipts/"))
    expect(heading(phone)).to_have_text("Published votes")
    published = phone.get_by_role("table")
    expect(published.get_by_role("row")).to_have_count(1 + 3)
    mine = published.get_by_role("row").filter(has_text=receipt)
    expect(mine).to_have_count(1)
    expect(mine.get_by_role("cell").nth(1)).to_have_text("For")
    assert_accessible(phone)

    # Checking the code, typed in small letters without dashes, finds the same vote.
    phone.get_by_role("link", name="Check a receipt code").click()
    expect(heading(phone)).to_have_text("Check your receipt code")
    phone.get_by_role("textbox", name="Your receipt code").fill(receipt.replace("-", "").lower())
    phone.get_by_role("button", name="Check").click()
    found = phone.locator(".voting-found")
    expect(found).to_contain_text(f"Receipt {receipt} was counted.")
    expect(found).to_contain_text("It voted: For.")
    assert_accessible(phone)


def test_a_refreshed_receipt_page_does_not_vote_twice_or_show_the_code_again(
    demo_server, browser_page
):
    from plugins.voting.models import BallotPaper

    liam = member("liam.oconnor@example.org", "Liam", "O'Connor", "Worker member")
    ballot = open_rules_ballot()

    phone = browser_page
    sign_in(phone, demo_server(SHARING_CARE, "/account/sign-in/"), liam.user.email)
    expect(phone).to_have_url(demo_server(SHARING_CARE, "/account/"))
    phone.goto(demo_server(SHARING_CARE, f"{HAVE_YOUR_SAY}ballots/{ballot.pk}/"))
    phone.get_by_label("Against", exact=True).check()
    phone.get_by_role("button", name="Continue").click()
    phone.get_by_role("button", name="Send my vote").click()
    expect(heading(phone)).to_have_text("Thank you: your vote has been recorded")
    receipt = phone.locator(".voting-receipt code").inner_text().strip()

    # Reloading re-sends the vote: it is refused, and the code is not shown again.
    response = phone.reload()

    assert response.status == 409
    expect(phone.get_by_text(ALREADY_VOTED)).to_be_visible()
    expect(phone.get_by_text(receipt)).to_have_count(0)
    assert BallotPaper.objects.filter(ballot=ballot).count() == 1


def test_the_voting_pages_answer_404_where_voting_is_off(demo_server, browser_page):
    ballot = open_rules_ballot()
    page = browser_page

    page.goto(demo_server(SHARING_CARE, "/"))
    nav = open_menu(page)
    expect(nav.get_by_role("link", name="Have your say")).to_be_visible()

    # Medway and Swale keeps no register and has voting off: no link, and the pages 404,
    # even for a ballot that exists on the co-op's site.
    page.goto(demo_server(MEDWAY, "/"))
    expect(open_menu(page).get_by_role("link")).not_to_have_count(0)
    expect(nav.get_by_role("link", name="Have your say")).to_have_count(0)
    for path in (HAVE_YOUR_SAY, f"{HAVE_YOUR_SAY}ballots/{ballot.pk}/"):
        response = page.goto(demo_server(MEDWAY, path))
        assert response.status == 404, path
