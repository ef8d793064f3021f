"""Pages in two languages: an English charter with a Polish translation made through
wagtail-localize, and English pages without one."""

import pytest
from wagtail.models import Locale
from wagtail.rich_text import RichText

from chorus.demo.translations import translate_page
from coproduction.factories import AssemblyIndexPageFactory, CharterPageFactory

POLISH_TITLE = "Karta współtworzenia"
POLISH_INTRODUCTION = "Nasza karta stawia współtworzenie na pierwszym miejscu."
ENGLISH_INTRODUCTION = "Our charter puts co-production first."


@pytest.fixture
def polish(db):
    locale, _ = Locale.objects.get_or_create(language_code="pl")
    return locale


@pytest.fixture
def charter(network_site):
    return CharterPageFactory(
        parent=network_site.root_page,
        slug="charter",
        show_in_menus=True,
        introduction=f"<p>{ENGLISH_INTRODUCTION}</p>",
    )


@pytest.fixture
def assemblies(network_site):
    """An English page with no translation, in the menu."""
    return AssemblyIndexPageFactory(
        parent=network_site.root_page, slug="assemblies", show_in_menus=True
    )


@pytest.fixture
def network_home(network_site, charter, assemblies):
    """The network home, whose introduction links to the charter and to the assemblies."""
    home = network_site.root_page.specific
    home.introduction = RichText(
        f'<p>Read <a linktype="page" id="{charter.pk}">the charter</a> and '
        f'<a linktype="page" id="{assemblies.pk}">the assemblies</a>.</p>'
    ).source
    home.save_revision().publish()
    return home


@pytest.fixture
def polish_home(network_home, polish):
    return translate_page(
        network_home,
        polish,
        segments={
            "Kent and Medway co-production network": "Sieć współtworzenia Kent i Medway",
            'Read <a id="a1">the charter</a> and <a id="a2">the assemblies</a>.': (
                'Przeczytaj <a id="a1">kartę</a> i <a id="a2">zgromadzenia</a>.'
            ),
        },
    )


@pytest.fixture
def polish_charter(polish_home, charter, polish):
    return translate_page(
        charter,
        polish,
        segments={
            "Co-production charter": POLISH_TITLE,
            ENGLISH_INTRODUCTION: POLISH_INTRODUCTION,
        },
    )
