"""Every demo site's general pages and identity: who runs it and how to reach them.

Each site gets an About page, an accessibility statement (with what the 2018 accessibility
regulations ask for: compliance status, known issues, how to ask for another format, how to
complain and the enforcement procedure), a privacy notice and a contact page, and its
identity settings (organisation, contact details, colours) linking to them.

Phone numbers are from Ofcom's range for drama (01632 960000-960999) and email addresses
are at example.org: the demo never gives a real organisation's contact details.
"""

import gc
import io
import warnings

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from chorus.identity import public
from chorus.identity.models import SiteIdentity
from chorus.support.models import SupportSettings
from pages.factories import ContentPageFactory

# hostname: (organisation, phone, email local part, address, brand colour)
IDENTITIES = {
    "localhost": (
        "NHS Kent and Medway, for the Kent and Medway co-production network",
        "01632 960100",
        "network",
        "Kent and Medway co-production network\nc/o NHS Kent and Medway\nMaidstone\nKent",
        "#00605a",
    ),
    "medway-swale.localhost": (
        "Red Zebra, for Involving Medway",
        "01632 960200",
        "involving-medway",
        "Involving Medway\nc/o Red Zebra\nChatham\nKent",
        "#5b2a86",
    ),
    "west-kent.localhost": (
        "West Kent Health and Care Partnership",
        "01632 960300",
        "west-kent",
        "West Kent Health and Care Partnership\nMaidstone\nKent",
        "#1d5a8c",
    ),
    "east-kent.localhost": (
        "East Kent Health and Care Partnership",
        "01632 960400",
        "east-kent",
        "East Kent Health and Care Partnership\nCanterbury\nKent",
        "#8a3a00",
    ),
    "dgs.localhost": (
        "Dartford, Gravesham and Swanley Health and Care Partnership",
        "01632 960500",
        "dgs",
        "Dartford, Gravesham and Swanley Health and Care Partnership\nDartford\nKent",
        "#2b5f2b",
    ),
    "sharing-care.localhost": (
        "Sharing Care co-op, a care co-operative owned by its members",
        "01632 960600",
        "sharing-care",
        "Sharing Care co-op\nGillingham\nKent",
        "#9e1c4a",
    ),
}
OPENING_HOURS = "Monday to Friday, 9am to 5pm\nClosed on bank holidays"


def build_site_pages(sites) -> list[str]:
    """Give each of ``sites`` (a list of Sites) its general pages, identity settings and the
    mailbox its help requests go to.

    Idempotent: pages are found by slug, and the settings are filled in again.
    """
    lines = []
    for site in sites:
        spec = IDENTITIES.get(site.hostname)
        if spec is None:
            continue
        organisation, phone, mailbox, address, brand = spec
        email = f"{mailbox}@example.org"
        home = site.root_page
        pages = {
            "about": _about(home, site, organisation),
            "accessibility": _accessibility(home, site, organisation, email, phone),
            "privacy": _privacy(home, site, organisation, email),
            "contact": _contact(home, site),
        }
        identity = SiteIdentity.for_site(site)
        identity.organisation = organisation
        identity.description = (
            f"{site.site_name}: how people and communities help shape health and care."
        )
        identity.phone = phone
        identity.email = email
        identity.address = address
        identity.opening_hours = OPENING_HOURS
        identity.brand_colour = brand
        identity.brand_text_colour = "#ffffff"
        identity.accessibility_page = pages["accessibility"]
        identity.privacy_page = pages["privacy"]
        identity.contact_page = pages["contact"]
        identity.logo = identity.favicon = _logo(site, brand)
        identity.full_clean()
        identity.save()
        # Help requests ("Ask for help or another format") go to the same mailbox.
        support = SupportSettings.for_site(site)
        support.team_email = email
        support.save()
        lines.append(f"  {site.hostname}: about, accessibility, privacy and contact pages")
    return lines


def _logo(site, colour):
    """A plain square in the brand colour with the site's initials (made once per site)."""
    Image = get_image_model()
    title = f"{site.site_name} logo"
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    initials = "".join(word[0] for word in site.site_name.split() if word[0].isupper())[:3]
    picture = PillowImage.new("RGB", (256, 256), colour)
    draw = ImageDraw.Draw(picture)
    draw.text((128, 128), initials, fill="#ffffff", anchor="mm", font_size=96)
    data = io.BytesIO()
    picture.save(data, format="PNG")
    slug = site.hostname.split(".")[0]
    image = Image.objects.create(title=title, file=ImageFile(data, name=f"{slug}-logo.png"))
    _make_renditions(image.pk)
    return image


def _make_renditions(image_pk):
    """Make the logo's and favicon's renditions now, so no visitor waits for them.

    Wagtail leaves the temporary file it draws a rendition in unclosed, and the garbage
    collector warns about it (an error under the test suite's warning filters); here that
    happens, and is silenced, before any page is served.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        image = get_image_model().objects.get(pk=image_pk)
        for filter_spec in (public.LOGO_FILTER, public.FAVICON_FILTER):
            image.get_rendition(filter_spec)
        del image
        gc.collect()


def _page(home, slug, title, summary, body):
    return ContentPageFactory(parent=home, slug=slug, title=title, summary=summary, body=body)


def _heading(text):
    return ("heading", {"text": text})


def _text(html):
    return ("paragraph", html)


def _about(home, site, organisation):
    return _page(
        home,
        "about",
        "About us",
        f"Who we are, and how {site.site_name} helps people shape health and care.",
        [
            _text(
                f"<p>{site.site_name} is run by {organisation}. We bring together the NHS, "
                "councils, Healthwatch, community interest companies and voluntary groups, "
                "so that people and communities help decide how health and care services "
                "work, and do not have to tell their story twice.</p>"
            ),
            (
                "key_figures",
                {
                    "heading": "How co-production here began",
                    "figures": [
                        {
                            "value": "7",
                            "measure": "community organisations in the first partnership",
                            "source": "Involving Medway",
                        },
                        {
                            "value": "2017",
                            "measure": "the year the Involving Medway pilot began",
                            "source": "Involving Medway",
                        },
                    ],
                },
            ),
            (
                "quote",
                {
                    "text": "I don't want to tell my story again and again.",
                    "attribution": "A carer in Walderslade",
                },
            ),
            (
                "accordion",
                {
                    "heading": "Questions people ask",
                    "items": [
                        {
                            "title": "Who can take part?",
                            "content": "<p>Anyone who lives, works or uses services here, "
                            "including carers and young people.</p>",
                        },
                        {
                            "title": "Do I need an account?",
                            "content": "<p>No. You only need an account to join a panel, "
                            "apply for a grant or vote as a member.</p>",
                        },
                    ],
                },
            ),
        ],
    )


def _accessibility(home, site, organisation, email, phone):
    known_issues = {
        "data": [
            ["Problem", "Where", "When we will fix it"],
            [
                "Some older PDF documents are not fully accessible to screen readers",
                "Documents published before 2024",
                "We replace a document with an accessible version when you ask",
            ],
            [
                "Embedded videos from other sites may not have captions in every language",
                "Pages with videos",
                "We add English captions to every new video",
            ],
        ],
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "table_caption": "Known issues and when we will fix them",
    }
    return _page(
        home,
        "accessibility",
        "Accessibility statement",
        f"How accessible {site.site_name}'s website is, and how to ask for what you need.",
        [
            _text(
                f"<p>{organisation} runs this website. We want as many people as possible to "
                "be able to use it: to change colours and text size, zoom in up to 400% "
                "without text spilling off the screen, move around it with a keyboard or "
                "speech recognition, and listen to it with a screen reader.</p>"
            ),
            _heading("Compliance status"),
            _text(
                "<p>This website is partially compliant with the Web Content Accessibility "
                "Guidelines (WCAG) version 2.2 AA standard, because of the known issues "
                "listed below.</p>"
            ),
            _heading("Known issues"),
            ("table", known_issues),
            _heading("Ask for another format"),
            _text(
                "<p>If you need information on this website in another format, such as "
                "Easy Read, large print, audio, British Sign Language or another language, "
                f'email <a href="mailto:{email}">{email}</a> or call {phone}. Tell us '
                "which page it is and the format you need. We will reply within 5 working "
                "days.</p>"
            ),
            _heading("How to complain"),
            _text(
                "<p>If you find a problem not listed here, or think we are not meeting the "
                f'accessibility requirements, email <a href="mailto:{email}">{email}</a>. '
                "We will acknowledge your complaint within 5 working days and tell you "
                "what we will do.</p>"
            ),
            _heading("Enforcement procedure"),
            _text(
                "<p>The Equality and Human Rights Commission (EHRC) is responsible for "
                "enforcing the Public Sector Bodies (Websites and Mobile Applications) "
                "(No. 2) Accessibility Regulations 2018. If you are not happy with how we "
                "respond to your complaint, contact the Equality Advisory and Support "
                "Service (EASS).</p>"
            ),
            _heading("How we tested this website"),
            _text(
                "<p>We test every page with automated checks (axe-core) at phone and "
                "desktop widths, and by hand with a keyboard and a screen reader. This "
                "statement was prepared in December 2026.</p>"
            ),
        ],
    )


def _privacy(home, site, organisation, email):
    return _page(
        home,
        "privacy",
        "Privacy notice",
        "What we collect about you, why, how long we keep it and your rights.",
        [
            _heading("Who we are"),
            _text(
                f"<p>{organisation} is the data controller for personal information "
                f"collected through {site.site_name}'s website.</p>"
            ),
            _heading("What we collect and why"),
            _text(
                "<ul><li>Your name and email address when you register, so you can sign "
                "in and hear about the things you asked to hear about.</li>"
                "<li>Access needs you tell us about, so that we can meet them at events "
                "and assemblies.</li><li>Equality information you choose to give, kept "
                "apart from your name, so we can check we hear from everyone.</li></ul>"
            ),
            _heading("How long we keep it"),
            _text(
                "<p>We keep your account until you close it. You can download or erase "
                "your personal information from your account at any time.</p>"
            ),
            _heading("Your rights"),
            _text(
                "<p>You can ask to see, correct or delete the information we hold about "
                f'you: email <a href="mailto:{email}">{email}</a>. If you are unhappy '
                "with how we handle your information, you can complain to the Information "
                "Commissioner's Office (ICO).</p>"
            ),
        ],
    )


def _contact(home, site):
    return _page(
        home,
        "contact",
        "Contact us",
        f"How to reach the people who run {site.site_name}.",
        [
            _text(
                "<p>Call, email or write to us. If you need this information in another "
                "format or language, or an interpreter, tell us when you get in touch.</p>"
            ),
            ("contact_details", None),
        ],
    )
