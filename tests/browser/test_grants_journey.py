"""Community grants in a browser, from the demo: a group applies from a phone, a grant
manager approves in the admin, and a site with grants off answers 404."""

import re
from decimal import Decimal

import pytest
from django.core import mail
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

MEDWAY = "medway-swale.localhost"
PROGRAMME = "/community-grants/"
ROUND = "Community grants 2026"
#: A small but real PDF: what the upload check reads is its first bytes.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
PASSWORD = "Coffee-mornings-in-Luton-2026"


def register(page, email):
    """Register as a new applicant by the labels on the form."""
    page.get_by_label("Email address", exact=True).fill(email)
    page.get_by_label("First name", exact=True).fill("Grace")
    page.get_by_label("Last name", exact=True).fill("Adeyemi")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password again", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Register").click()


def verification_link(email):
    """The link in the verification email the live server (same process) just sent."""
    [message] = [m for m in mail.outbox if email in m.to]
    return re.search(r"https?://\S+/account/verify/\S+", message.body).group(0)


def fill_in_application(page):
    """Answer every question on the application form, as the group's secretary would.

    The last declaration is left for later, to see what happens when it is missing."""
    page.get_by_label("Organisation or group name", exact=True).fill("Wayfield Carers Together")
    page.get_by_label("Type of organisation", exact=True).select_option(label="Registered charity")
    page.get_by_label("Registered number", exact=True).fill("1180 123")
    page.get_by_label("Contact name", exact=True).fill("Grace Adeyemi")
    page.get_by_label("Contact phone (optional)", exact=True).fill("07700 900456")
    page.get_by_label("Project title", exact=True).fill("A day out at the coast for carers")
    page.get_by_label("What you will do", exact=True).fill(
        "A coach trip to Whitstable for unpaid carers and the people they look after, "
        "with lunch, so carers get a day off together."
    )
    page.get_by_label("Who will benefit", exact=True).fill("Unpaid carers in Wayfield.")
    page.get_by_label("How many people will benefit", exact=True).fill("32")
    page.get_by_label("Postcode where the activity happens", exact=True).fill("me5 9rr")
    for name in ("Start date", "End date"):  # day, month and year boxes, day first
        date = page.get_by_role("group", name=name)
        date.get_by_label("Day", exact=True).fill("5")
        date.get_by_label("Month", exact=True).fill("9")
        date.get_by_label("Year", exact=True).fill("2026")
    lines = [("Coach hire", "450"), ("Lunch for 32 people", "384")]
    for number, (item, cost) in enumerate(lines, start=1):
        line = page.get_by_role("group", name=f"Line {number}")
        line.get_by_label("Item", exact=True).fill(item)
        line.get_by_label("Cost (£)", exact=True).fill(cost)
    page.get_by_label("Amount requested (£)", exact=True).fill("£834")
    page.get_by_label("Add supporting documents (optional)", exact=True).set_input_files(
        {"name": "quote-from-coach-company.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_label("The information in this application is true and complete.").check()
    page.get_by_label("We will spend the grant only on what this application describes.").check()
    page.get_by_label("We have a safeguarding policy, or will have one before").check()


def test_group_registers_and_applies_from_a_phone_and_can_no_longer_edit_once_sent(
    demo_server, browser_page, assert_accessible
):
    from plugins.grants.models import Application, Attachment

    page = browser_page
    email = "grace.adeyemi@example.org"
    page.goto(demo_server(MEDWAY, PROGRAMME))
    page.get_by_role("link", name=ROUND).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ROUND)
    expect(page.get_by_text("£50 to £1,500", exact=True)).to_be_visible()
    assert_accessible(page)
    round_url = page.url

    # Applying needs an account: signing in is offered, and from there registering.
    page.get_by_role("link", name="Sign in to apply").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    page.get_by_role("link", name=re.compile("Register")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Register")
    register(page, email)
    expect(page.get_by_text(email)).to_be_visible()

    # The link in the email asks to confirm; the button verifies the address, signs in and
    # returns to applying.
    page.goto(verification_link(email))
    expect(page.get_by_role("heading", level=1)).to_have_text("Verify your email address")
    page.get_by_role("button", name="Verify my email address").click()
    expect(page.get_by_text("your email address is verified")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Apply: {ROUND}")
    page.get_by_role("button", name="Start an application").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your application")
    application = Application.objects.get(applicant__email=email)
    assert application.status == Application.Status.DRAFT
    expect(page.get_by_text(f"Reference {application.reference}")).to_be_visible()
    assert_accessible(page)

    fill_in_application(page)
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Your draft is saved.")).to_be_visible()
    expect(page.get_by_role("link", name="quote-from-coach-company.pdf")).to_be_visible()
    expect(page.get_by_text("Recorded as GB-CHC-1180123.")).to_be_visible()

    # Sending without the last declaration names what is missing, and changes nothing. The
    # error summary takes focus, so it is read first, and the title says there is an error.
    page.get_by_role("button", name="Save and check your answers").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Before you can send this")
    expect(summary.get_by_role("listitem")).to_have_count(1)
    expect(summary).to_be_focused()
    assert page.title().startswith("Error: ")
    declaration = page.get_by_label("We agree that details of any grant may be published")
    expect(declaration).not_to_be_checked()
    # The summary's link takes the person to the box still to tick.
    summary.get_by_role("link", name=re.compile("^Tick the declaration")).click()
    expect(declaration).to_be_focused()
    assert_accessible(page)
    application.refresh_from_db()
    assert application.status == Application.Status.DRAFT

    declaration.check()
    page.get_by_role("button", name="Save and check your answers").click()
    # Check your answers: nothing is sent until the last button.
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check your application before sending it"
    )
    assert not page.title().startswith("Error")
    expect(page.get_by_text("5 September 2026")).to_have_count(2)
    expect(page.get_by_role("link", name="Change project title")).to_be_visible()
    assert_accessible(page)
    application.refresh_from_db()
    assert application.status == Application.Status.DRAFT
    page.get_by_role("button", name="Send application").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("A day out at the coast for carers")
    expect(page.get_by_text("Submitted", exact=True)).to_be_visible()
    expect(page.get_by_text(f"Reference {application.reference}")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("Send|Save"))).to_have_count(0)
    expect(
        page.get_by_role("link", name=re.compile(r"\b(Edit|Change)\b", re.IGNORECASE))
    ).to_have_count(0)
    assert_accessible(page)

    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert application.amount_requested == Decimal("834")
    assert application.org_id == "GB-CHC-1180123"
    assert application.postcode == "ME5 9RR"
    assert [item.amount for item in application.budget_items.all()] == [
        Decimal("450"),
        Decimal("384"),
    ]
    [attachment] = Attachment.objects.filter(application=application)
    assert attachment.original_name == "quote-from-coach-company.pdf"
    assert attachment.content_type == "application/pdf"
    with attachment.file.open("rb") as stored:
        assert stored.read() == PDF

    # The edit address now shows the application read-only, and the round page lists it.
    page.goto(demo_server(MEDWAY, f"/plugins/grants/applications/{application.reference}/edit/"))
    expect(page.get_by_label("Project title")).to_have_count(0)
    expect(page.get_by_text("Submitted", exact=True)).to_be_visible()
    page.goto(round_url)
    expect(page.get_by_role("link", name="A day out at the coast for carers")).to_be_visible()


@pytest.fixture
def desktop_page(chromium):
    """A fresh page at a laptop's width, as grant staff use the admin."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def sign_in(page, url, username_label, email, password):
    """Sign in on the form at ``url`` with an email address and a password."""
    page.goto(url)
    page.get_by_label(username_label).fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def decide(page, amount):
    """Approve ``amount`` with the panel decision form on an application's admin page."""
    decision = page.get_by_role("region", name="Panel decision")
    decision.get_by_role("radio", name="Approve a grant").check()
    decision.get_by_label("Amount to award (£)").fill(amount)
    decision.get_by_role("button", name="Record the decision").click()


def test_grant_manager_approves_in_the_admin_and_the_applicant_sees_it_approved(
    demo_server, desktop_page, browser_page
):
    from wagtail.models import Site

    from chorus.common.factories import UserFactory
    from plugins.grants.models import Application, Award, GrantRound, PotEntry
    from plugins.grants.permissions import grant_team

    project = "Monthly carers' coffee mornings in a hired hall"
    admin_url = demo_server(MEDWAY, "/admin/")
    medway = Site.objects.get(hostname=MEDWAY)
    manager = UserFactory(
        email="grants.lead@example.org", first_name="Dan", last_name="Okafor", password=PASSWORD
    )
    manager.groups.add(grant_team(medway).managers)
    # The demo keeps applicants' contact details but (without --with-admin) no accounts:
    # give the coffee club's application the account its organiser would have applied with.
    applicant = UserFactory(
        email="amina@example.org", first_name="Amina", last_name="Begum", password=PASSWORD
    )
    application = Application.objects.get(project_title=project)
    Application.objects.filter(pk=application.pk).update(applicant=applicant)
    assert application.status == Application.Status.SUBMITTED
    pot = application.round
    committed_before = pot.allocated

    page = desktop_page
    sign_in(page, demo_server(MEDWAY, "/admin/login/"), "Username", manager.email, PASSWORD)
    expect(page).to_have_url(admin_url)
    page.get_by_role("button", name="Grants").click()
    page.get_by_role("link", name="Applications").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Applications")

    # Narrow the list to submitted applications, then find the coffee club's.
    page.get_by_role("button", name="Show filters").click()
    page.get_by_role("button", name="Status").click()
    page.get_by_role("radio", name="Submitted").check()
    listing = page.get_by_role("table")
    expect(listing.get_by_role("cell", name="Being assessed", exact=True)).to_have_count(0)
    page.keyboard.press("Escape")
    page.get_by_role("textbox", name=re.compile("Search")).fill("coffee")
    expect(listing.get_by_role("row")).to_have_count(2)  # the header and one application
    listing.get_by_role("link", name=project).click()
    expect(page.get_by_role("heading", level=2, name=project)).to_be_visible()

    # More than the group asked for (and than the round's largest grant), then less than
    # its smallest: each refused with the reason, and nothing changes.
    decision = page.get_by_role("region", name="Panel decision")
    decide(page, "1600")
    expect(decision).to_contain_text("The award cannot be more than the £720 requested.")
    decide(page, "20")
    expect(decision).to_contain_text("Grants in this round are between £50 and £1,500.")
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert not Award.objects.filter(application=application).exists()
    assert GrantRound.objects.get(pk=pot.pk).allocated == committed_before

    decide(page, "700")
    expect(
        page.get_by_text(f"{application.reference} is approved: a grant of £700.")
    ).to_be_visible()
    expect(page.get_by_text("Approved", exact=True)).to_be_visible()

    application.refresh_from_db()
    assert application.status == Application.Status.APPROVED
    award = Award.objects.get(application=application)
    assert award.amount == Decimal("700")
    [commitment] = PotEntry.objects.filter(award=award)
    assert (commitment.kind, commitment.amount, commitment.round_id) == (
        PotEntry.Kind.COMMITMENT,
        Decimal("700"),
        pot.pk,
    )
    assert GrantRound.objects.get(pk=pot.pk).allocated == committed_before + Decimal("700")

    # The organiser, signed in on a phone, sees the decision on their dashboard.
    phone = browser_page
    sign_in(
        phone, demo_server(MEDWAY, "/account/sign-in/"), "Email address", applicant.email, PASSWORD
    )
    expect(phone).to_have_url(demo_server(MEDWAY, "/account/"))
    panel = phone.get_by_role("region", name=re.compile("application", re.IGNORECASE))
    entry = panel.get_by_role("listitem").filter(has=phone.get_by_role("link", name=project))
    expect(entry).to_contain_text("Approved")
    entry.get_by_role("link", name=project).click()
    expect(phone.get_by_text("You have been awarded £700.")).to_be_visible()


def test_grant_pages_answer_not_found_on_a_site_with_grants_off(demo_server, browser_page):
    page = browser_page
    # Where grants is on, my applications asks a visitor to sign in first...
    page.goto(demo_server(MEDWAY, "/plugins/grants/mine/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")

    # ...and where it is off, the same addresses are not there at all.
    for path in ("/plugins/grants/mine/", "/plugins/grants/360giving.json"):
        response = page.goto(demo_server("sharing-care.localhost", path))
        assert response.status == 404
        expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page.get_by_role("navigation").get_by_role("link", name="Grants")).to_have_count(0)
