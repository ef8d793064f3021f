"""Time credits in a browser, from the demo: library staff record a session register, a
volunteer spends credits on a swim from a phone and the pool confirms the voucher, and a site
with time credits off answers 404.

The demo is seeded without people, so each test makes the accounts it needs: volunteers'
wallets, partner staff, and (through the ledger) the credits a volunteer has to spend."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.header import open_menu

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

MEDWAY = "medway-swale.localhost"
SCHEME = "/plugins/timecredits/"
LIBRARY = "Friends of Chatham Library"
POOL = "Strood Sports Centre"
PASSWORD = "Homework-club-on-Tuesdays-2026"


def sign_in(page, url, email):
    """Sign in on the site's own sign-in form with an email address and the password."""
    page.goto(url)
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def partner(name, kind):
    """The demo partner's wallet of that name and kind in Medway Time Credits."""
    from plugins.timecredits.models import Wallet

    return Wallet.objects.get(scheme__site__hostname=MEDWAY, display_name=name, kind=kind)


def staff_for(wallet, email, first_name, last_name):
    """A person who acts for ``wallet``, as the scheme's administrator would add them."""
    from chorus.common.factories import UserFactory
    from plugins.timecredits.models import PartnerStaff

    user = UserFactory(email=email, first_name=first_name, last_name=last_name, password=PASSWORD)
    PartnerStaff.objects.create(wallet=wallet, user=user)
    return user


def assert_ledger_balances():
    """Every transaction's legs sum to zero, and every cached balance is its entries' sum."""
    from django.db.models import Sum

    from plugins.timecredits.models import Entry, Wallet

    assert Entry.objects.aggregate(total=Sum("amount"))["total"] == 0
    for wallet in Wallet.objects.all():
        total = Entry.objects.filter(wallet=wallet).aggregate(total=Sum("amount"))["total"]
        assert wallet.balance == (total or 0), wallet


def volunteer(email, first_name, last_name):
    """A volunteer with an account and a wallet (and card number) in Medway Time Credits."""
    from chorus.common.factories import UserFactory
    from plugins.timecredits.models import Scheme
    from plugins.timecredits.wallets import volunteer_wallet

    user = UserFactory(email=email, first_name=first_name, last_name=last_name, password=PASSWORD)
    return volunteer_wallet(Scheme.objects.get(site__hostname=MEDWAY), user)


def test_library_staff_record_a_session_register_after_fixing_a_bad_line(
    demo_server, browser_page, assert_accessible
):
    from plugins.timecredits.models import Entry, Transaction, Wallet

    library = partner(LIBRARY, Wallet.Kind.EARN_PARTNER)
    allocation = library.balance
    staff_for(library, "joy.mensah@example.org", "Joy", "Mensah")
    grace = volunteer("grace@example.org", "Grace", "Adeyemi")
    tom = volunteer("tom@example.org", "Tom", "Fletcher")

    page = browser_page
    sign_in(page, demo_server(MEDWAY, "/account/sign-in/"), "joy.mensah@example.org")
    expect(page).to_have_url(demo_server(MEDWAY, "/account/"))

    # The dashboard lists the partners Joy acts for; from the library's page, record time.
    partners = page.get_by_role("region", name="Time credits partners you act for")
    partners.get_by_role("link", name=LIBRARY).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(LIBRARY)
    expect(page.get_by_text(f"{allocation} credits left to give out.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("navigation", name="Partner pages").get_by_role(
        "link", name="Record time"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record time given")
    assert_accessible(page)

    page.get_by_label("What the volunteering was").fill("Homework club helpers")
    page.get_by_label("Line 1: card number", exact=True).fill(grace.card_number)
    page.get_by_label("Line 1: hours", exact=True).fill("2")
    # A card number typed without its dash is read just the same.
    page.get_by_label("Line 2: card number", exact=True).fill(tom.card_number.replace("-", ""))
    page.get_by_label("Line 2: hours", exact=True).fill("lots")
    page.get_by_role("button", name="Record time and give credits").click()

    # The bad line is named, and nobody is credited, not even the good line's volunteer.
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text("Nothing has been recorded.")
    expect(summary.get_by_role("listitem")).to_have_count(1)
    expect(summary.get_by_role("link", name=re.compile("^Line 2: .*lots"))).to_be_visible()
    assert_accessible(page)
    assert not Transaction.objects.filter(kind=Transaction.Kind.EARN).exists()
    for wallet in (grace, tom, library):
        balance = wallet.balance
        wallet.refresh_from_db()
        assert wallet.balance == balance

    # What was typed is still there; correcting the hours is enough.
    expect(page.get_by_label("Line 1: card number", exact=True)).to_have_value(grace.card_number)
    page.get_by_label("Line 2: hours", exact=True).fill("1.5")
    page.get_by_role("button", name="Record time and give credits").click()
    expect(page.get_by_text("Time recorded for 2 volunteers.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(LIBRARY)
    expect(page.get_by_text(f"{allocation - 4} credits left to give out.")).to_be_visible()
    history = page.get_by_role("table", name="This partner's transactions, newest first")
    expect(history.get_by_role("row").nth(1)).to_contain_text("Homework club helpers")
    assert_accessible(page)

    # 2 hours earn 2 credits and 1.5 hours, a half hour rounding up, earn 2 as well.
    [register] = Transaction.objects.filter(kind=Transaction.Kind.EARN)
    assert register.description == "Homework club helpers"
    assert {
        entry.wallet_id: entry.amount for entry in Entry.objects.filter(transaction=register)
    } == {
        grace.pk: 2,
        tom.pk: 2,
        library.pk: -4,
    }
    for wallet, balance in ((grace, 2), (tom, 2), (library, allocation - 4)):
        wallet.refresh_from_db()
        assert wallet.balance == balance
    assert_ledger_balances()


@pytest.fixture
def till_page(chromium):
    """A second browser (no cookies shared with the volunteer's phone): the venue's till."""
    context = chromium.new_context(viewport={"width": 1024, "height": 768})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def test_volunteer_redeems_a_swim_on_a_phone_and_the_pool_confirms_the_voucher_once(
    demo_server, browser_page, till_page, assert_accessible
):
    from plugins.timecredits import ledger
    from plugins.timecredits.models import Voucher, Wallet

    library = partner(LIBRARY, Wallet.Kind.EARN_PARTNER)
    pool = partner(POOL, Wallet.Kind.SPEND_PARTNER)
    amina = volunteer("amina@example.org", "Amina", "Begum")
    ledger.earn(library, amina, "5", activity="Reading group", by=None)
    staff_for(pool, "reception@example.org", "Sam", "Okoro")

    phone = browser_page
    sign_in(phone, demo_server(MEDWAY, "/account/sign-in/"), amina.user.email)
    expect(phone).to_have_url(demo_server(MEDWAY, "/account/"))

    phone.goto(demo_server(MEDWAY, SCHEME))
    expect(phone.get_by_role("heading", level=1)).to_have_text("Medway Time Credits")
    expect(phone.get_by_text("You have 5 credits.")).to_be_visible()
    offers = phone.get_by_role("region", name="Spend your credits")
    expect(offers.get_by_role("heading", level=3, name="A swim", exact=True)).to_be_visible()
    expect(offers.get_by_role("heading", name="Entry to Rochester Castle")).to_be_visible()
    assert_accessible(phone)

    offers.get_by_role("link", name="Use credits for A swim", exact=True).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("A swim")
    phone.get_by_role("button", name="Spend 2 credits and get a voucher").click()

    # The voucher: the code, big, and a QR code for the venue to scan.
    [voucher] = Voucher.objects.filter(wallet=amina)
    assert voucher.status == Voucher.Status.ISSUED
    expect(phone.get_by_role("heading", level=1)).to_have_text("A swim")
    expect(phone.get_by_text("Here is your voucher for “A swim”.")).to_be_visible()
    expect(phone.get_by_label("Voucher code")).to_have_text(voucher.code)
    qr = phone.locator("figure svg, figure img").first
    expect(qr).to_be_visible()
    assert qr.bounding_box()["width"] >= 100
    assert_accessible(phone)

    phone.get_by_role("link", name="Your time credits").first.click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Your time credits")
    expect(phone.locator(".tc-balance")).to_have_text("3 credits")
    ready = phone.get_by_role("region", name="Vouchers ready to use")
    expect(ready.get_by_role("link", name="A swim")).to_be_visible()
    expect(ready).to_contain_text(voucher.code)
    assert_accessible(phone)
    amina.refresh_from_db()
    assert amina.balance == 3

    # At the pool's reception: the code typed in once is good, a second time is refused.
    till = till_page
    sign_in(till, demo_server(MEDWAY, "/account/sign-in/"), "reception@example.org")
    expect(till).to_have_url(demo_server(MEDWAY, "/account/"))
    till.get_by_role("region", name="Time credits partners you act for").get_by_role(
        "link", name="Confirm a voucher"
    ).click()
    expect(till.get_by_role("heading", level=1)).to_have_text("Confirm a voucher")
    till.get_by_label("Voucher code").fill(voucher.code.lower())
    till.get_by_role("button", name="Confirm and mark as used").click()
    expect(
        till.get_by_text(f"Voucher {voucher.code} is good: “A swim” for Amina Begum.")
    ).to_be_visible()
    voucher.refresh_from_db()
    assert voucher.status == Voucher.Status.USED

    till.get_by_label("Voucher code").fill(voucher.code)
    till.get_by_role("button", name="Confirm and mark as used").click()
    summary = till.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text(f"Voucher {voucher.code} was already used on")
    assert_accessible(till)
    voucher.refresh_from_db()
    assert voucher.status == Voucher.Status.USED
    amina.refresh_from_db()
    assert amina.balance == 3

    # The volunteer's voucher page now says it is used, and shows no QR code to scan again.
    phone.goto(demo_server(MEDWAY, f"{SCHEME}vouchers/{voucher.code}/"))
    expect(phone.get_by_text(re.compile(r"^Used on "))).to_be_visible()
    expect(phone.locator("figure svg, figure img")).to_have_count(0)
    assert_ledger_balances()


def test_time_credits_pages_answer_not_found_on_a_site_with_time_credits_off(
    demo_server, browser_page
):
    page = browser_page
    # Where time credits is on, the scheme's page is there and the navigation links to it...
    page.goto(demo_server(MEDWAY, SCHEME))
    expect(page.get_by_role("heading", level=1)).to_have_text("Medway Time Credits")
    expect(open_menu(page).get_by_role("link", name="Time credits")).to_have_count(1)

    # ...and where it is off, the same addresses are not there at all.
    for path in (SCHEME, f"{SCHEME}wallet/"):
        response = page.goto(demo_server("sharing-care.localhost", path))
        assert response.status == 404
        expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page.get_by_role("navigation").get_by_role("link", name="Time credits")).to_have_count(0)
