"""The demo's Polish pages, translated through wagtail-localize as an editor would.

The network home, the charter, the health assembly and the Medway and Swale partnership home
get Polish translations. Each goes the way wagtail-localize's "Translate" button goes: the
English page becomes a ``TranslationSource`` cut into segments, each segment gets a Polish
``StringTranslation`` (written here by hand), and ``Translation.save_target`` creates the
Polish page in the Polish locale tree, making aliases of untranslated parents (the assembly
index) on the way. Inline items that wagtail-localize copies rather than translates (charter
principles, assembly sessions, partner roles) are then given their Polish wording on the
Polish page, which is published again.

Slugs stay as in English, so ``/pl/charter/`` is the Polish charter. Pages not listed here
stay untranslated: at their ``/pl/`` address they show the English page under a notice
(see :mod:`chorus.languages`). A page that already has a Polish translation is left alone.
"""

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

POLISH = "pl"

#: English segment text (as wagtail-localize extracts it) -> Polish.
SEGMENTS = {
    # The network home.
    "Kent and Medway co-production network": "Sieć współtworzenia usług w Kent i Medway",
    (
        "People and communities across Kent and Medway help shape their health and care "
        "services. This network brings together the four health and care partnerships, "
        "community interest companies, Healthwatch, councils, the NHS and voluntary groups, "
        "so that people do not have to tell their story twice."
    ): (
        "Mieszkańcy i społeczności w całym Kent i Medway pomagają kształtować swoje usługi "
        "zdrowotne i opiekuńcze. Ta sieć łączy cztery partnerstwa zdrowia i opieki, spółki "
        "działające w interesie społecznym, Healthwatch, samorządy, NHS i organizacje "
        "wolontariackie, aby nikt nie musiał opowiadać swojej historii dwa razy."
    ),
    # The charter.
    "Co-production charter": "Karta współtworzenia",
    (
        "Our charter for the Kent and Medway health and care system aims for co-production "
        "as the gold standard for as much of our work as possible."
    ): (
        "Nasza karta dla systemu zdrowia i opieki w Kent i Medway ma sprawić, by "
        "współtworzenie było złotym standardem w jak największej części naszej pracy."
    ),
    # The health assembly.
    "Kent and Medway Health Assembly pilot": "Pilotażowe Zgromadzenie Zdrowia Kent i Medway",
    "How should people and communities shape health and care in Kent and Medway?": (
        "Jak mieszkańcy i społeczności powinni kształtować zdrowie i opiekę w Kent i Medway?"
    ),
    (
        "A large facilitated workshop that takes 40 to 50 participants through a series of "
        "discussions on one topic."
    ): (
        "Duże warsztaty prowadzone przez moderatorów, podczas których od 40 do 50 uczestników "
        "rozmawia w kilku turach na jeden temat."
    ),
    "Travel expenses are paid. Please tell us about any adjustments you need.": (
        "Zwracamy koszty dojazdu. Napisz nam, jakich udogodnień potrzebujesz."
    ),
    (
        "Representative community organisations, together with members of the public invited "
        "through the Citizens' Panel and the Health Network of more than 6,000 people."
    ): (
        "Organizacje reprezentujące społeczności oraz mieszkańcy zaproszeni przez Panel "
        "Obywatelski i Sieć Zdrowia, która liczy ponad 6000 osób."
    ),
    # The Medway and Swale partnership home.
    "Medway and Swale Health and Care Partnership": ("Partnerstwo Zdrowia i Opieki Medway i Swale"),
    "Medway and Swale": "Medway i Swale",
    (
        "Home of Involving Medway: community grants, volunteer community health researchers "
        "and time credits for volunteers."
    ): (
        "Tu działa Involving Medway: granty dla społeczności, wolontariusze badający zdrowie "
        "mieszkańców i kredyty czasu dla wolontariuszy."
    ),
    (
        "Involving Medway encourages people to get involved with, and help make decisions "
        "about, health provision in Medway. The pilot launched in March 2017 as a partnership "
        "of seven community organisations."
    ): (
        "Involving Medway zachęca mieszkańców, by angażowali się w sprawy opieki zdrowotnej "
        "w Medway i współdecydowali o niej. Program pilotażowy ruszył w marcu 2017 roku jako "
        "partnerstwo siedmiu organizacji społecznych."
    ),
}

#: Inline items wagtail-localize copies as they are: English text -> Polish, per field.
INLINE = {
    # Charter principles.
    "We involve people and communities as early as possible": (
        "Angażujemy mieszkańców i społeczności jak najwcześniej"
    ),
    (
        "People help decide what the problem is before any options are drawn up, not only "
        "comment on a finished plan."
    ): (
        "Mieszkańcy pomagają ustalić, na czym polega problem, zanim powstaną jakiekolwiek "
        "propozycje, a nie tylko komentują gotowy plan."
    ),
    "People are partners in decision-making": "Mieszkańcy są partnerami w podejmowaniu decyzji",
    (
        "Residents and voluntary, community and social enterprise groups sit on the groups "
        "that decide, with the papers, support and time to take part as equals."
    ): (
        "Mieszkańcy oraz organizacje wolontariackie, społeczne i przedsiębiorstwa społeczne "
        "zasiadają w gremiach, które decydują, i dostają dokumenty, wsparcie oraz czas, by "
        "uczestniczyć w nich na równych prawach."
    ),
    "Everyone can take part": "Każdy może wziąć udział",
    (
        "We work with interpreters where people do not speak English, and use Easy Read and "
        "face-to-face approaches with people with learning disabilities."
    ): (
        "Pracujemy z tłumaczami, gdy ktoś nie mówi po angielsku, a z osobami z "
        "niepełnosprawnością intelektualną korzystamy z tekstów łatwych do czytania i "
        "spotkań twarzą w twarz."
    ),
    "We tell people what happened as a result": "Mówimy ludziom, co z tego wynikło",
    (
        "Everyone who takes part hears back what was decided, how their views were considered "
        "and what changed."
    ): (
        "Każdy, kto bierze udział, dowiaduje się, co postanowiono, jak wzięto pod uwagę jego "
        "zdanie i co się zmieniło."
    ),
    # Assembly sessions.
    "What matters to you": "Co jest dla ciebie ważne",
    (
        "What makes it hard to get the health and care you need?\n"
        "Who do you turn to first when you are worried about your health?"
    ): (
        "Co utrudnia ci dostęp do potrzebnej opieki zdrowotnej i społecznej?\n"
        "Do kogo zwracasz się najpierw, gdy martwisz się o swoje zdrowie?"
    ),
    "Ideas and priorities": "Pomysły i priorytety",
    (
        "What would make the biggest difference in your area?\n"
        "What should the partnership stop doing?"
    ): (
        "Co najbardziej zmieniłoby sytuację w twojej okolicy?\n"
        "Czego partnerstwo powinno przestać robić?"
    ),
    "Recommendations": "Rekomendacje",
    "Which three recommendations should go to the partnership board?": (
        "Które trzy rekomendacje powinny trafić do zarządu partnerstwa?"
    ),
    # Medway and Swale partner roles.
    "Leads Involving Medway as its community infrastructure organisation": (
        "Prowadzi Involving Medway jako organizacja wspierająca społeczność lokalną"
    ),
    "Introduces Medway Time Credits for volunteers": (
        "Wprowadza kredyty czasu Medway dla wolontariuszy"
    ),
    "Administers small grants to community groups": (
        "Zarządza małymi grantami dla grup społecznych"
    ),
    "Helps voluntary groups work with health decision makers": (
        "Pomaga organizacjom wolontariackim współpracować z decydentami w ochronie zdrowia"
    ),
    "Trains volunteer community health researchers": (
        "Szkoli wolontariuszy, którzy badają zdrowie mieszkańców"
    ),
    "Big Local partnership in the Luton Arches area of Chatham": (
        "Partnerstwo Big Local w dzielnicy Luton Arches w Chatham"
    ),
    "Brings national expertise in creating social change": (
        "Wnosi ogólnokrajowe doświadczenie w tworzeniu zmiany społecznej"
    ),
    "Develops community-owned social enterprises with local CICs": (
        "Rozwija przedsiębiorstwa społeczne należące do mieszkańców razem z lokalnymi CIC"
    ),
    "Reduces social isolation in Walderslade": "Zmniejsza samotność i izolację w Walderslade",
    "Supports carers on the Hoo Peninsula": "Wspiera opiekunów na półwyspie Hoo",
    "Supports the community interest companies": (
        "Wspiera spółki działające w interesie społecznym"
    ),
}

#: Per page model, the inline relations and the fields of theirs to translate.
INLINE_FIELDS = {
    "charterpage": ("principles", ("principle", "in_practice")),
    "assemblypage": ("sessions", ("title", "discussion_prompts")),
    "partnershiphomepage": ("partner_roles", ("role",)),
}


def pages_to_translate(network, sites):
    """Return the English pages the demo translates, parents before children."""
    home = network.root_page.specific
    charter = Page.objects.child_of(home).filter(slug="charter").specific().first()
    assembly = (
        Page.objects.descendant_of(home).filter(slug="health-assembly-pilot").specific().first()
    )
    medway = sites["medway-swale.localhost"].root_page.specific
    return [page for page in (home, charter, assembly, medway) if page is not None]


def translate_page(page, locale, user=None, segments=None):
    """Translate ``page`` into ``locale`` through wagtail-localize; return the Polish page.

    ``segments`` maps English segment text to its translation (default :data:`SEGMENTS`).
    A page that already has a translation in ``locale`` is returned as it is.
    """
    segments = SEGMENTS if segments is None else segments
    existing = page.get_translations().filter(locale=locale).specific().first()
    if existing is not None:
        return existing
    source, _ = TranslationSource.get_or_create_from_instance(page)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        text = segment.string.data
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": segments.get(text, text),
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    # Saved as a draft: wagtail-localize would publish only once the transaction commits,
    # after (and over) the inline items' wording below.
    translation.save_target(user=user, publish=False)
    polish = page.get_translation(locale).specific
    _translate_inline_items(polish)
    polish.save_revision(user=user).publish(user=user)
    return polish


def _translate_inline_items(page):
    """Give the copied inline items of ``page`` their Polish wording (saved with its next
    revision)."""
    relation_and_fields = INLINE_FIELDS.get(page._meta.model_name)
    if relation_and_fields is None:
        return
    relation, fields = relation_and_fields
    items = list(getattr(page, relation).all())
    for item in items:
        for name in fields:
            setattr(item, name, INLINE.get(getattr(item, name), getattr(item, name)))
    # Assigned to the page's relation, so that the revision (and publishing it) carries them.
    setattr(page, relation, items)


def build_translations(network, sites):
    """Translate the demo's pages into Polish; return the summary lines."""
    locale, _ = Locale.objects.get_or_create(language_code=POLISH)
    translated = [translate_page(page, locale) for page in pages_to_translate(network, sites)]
    lines = ["Polish translations (wagtail-localize); other pages show English at /pl/:"]
    lines.extend(f"  {page.get_full_url()}  {page.title}" for page in translated)
    return lines
