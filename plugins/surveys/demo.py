"""The surveys demo: Medway and Swale's consultations on community health services.

Two consultations, both invented for the demo (the proposals, dates, figures and everything
people said are made up; no such consultation has taken place):

- an **open** consultation on bringing community nursing together in three local hubs, with
  its survey in English, an Easy Read version (same question references, Easy Read words)
  and a Polish translation made through wagtail-localize as an editor would, and about 60
  submitted responses spread across the three versions and across online, paper and phone;
- a **closed** consultation on community nursing clinics on the Isle of Sheppey, with its
  published response ("we asked, you said, we did") and two quotes, redacted, with the
  redactions logged.

Requests to hear back hold email addresses, so they are made only where the demo has people
(``with_people``), with invented example.org and example.com addresses.

Idempotent: pages are found by slug under their parent, translations by locale, and the
responses, quotes and published response are made only when the survey has none yet.
"""

import datetime
import random

from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from chorus.common.factories import UserFactory

from .factories import ConsultationPageFactory, SurveyPageFactory, question, submitted_response
from .models import HearBack, Quote, Response, ResponsePublication

MEDWAY = "medway-swale.localhost"
HOSTNAMES = (MEDWAY,)
POLISH = "pl"
INVENTED = "This consultation is invented for the Chorus demo."

# --- The open consultation --------------------------------------------------------------

OPEN = {
    "title": "Community health services in Medway and Swale",
    "slug": "community-health-services",
    "summary": (
        "We propose that community nurses and therapists work from three local hubs. "
        "Tell us what you think before we decide."
    ),
    "proposal": (
        "<p>Community nurses, physiotherapists and foot-care teams now work from eleven "
        "different bases across Medway and Swale.</p>"
        "<p>We propose that they work from three local hubs instead: in Chatham, Gillingham "
        "and Sittingbourne. Teams would share rooms, records and cover, so fewer visits are "
        "cancelled when someone is off sick.</p>"
        "<p>Home visits would carry on as now. Nothing has been decided: we want to know what "
        "would help you and what worries you.</p>"
        f"<p>{INVENTED}</p>"
    ),
    "decision_by": "the Medway and Swale partnership board, meeting in public",
    "other_ways": (
        "<p>Fill in a paper copy of the survey at any GP surgery or library in Medway and "
        "Swale, and post it to Freepost CHORUS DEMO (no stamp needed).</p>"
        "<p>Call 01634 000 000 (an invented number) and we will fill in the survey with you "
        "over the phone, in any language.</p>"
    ),
}

#: Roadshow stops: (place, days from today, hour, address).
STOPS = [
    (
        "Hempstead Valley Shopping Centre",
        6,
        10,
        "Hempstead Valley Drive\nGillingham\nME7 3PD",
    ),
    ("Sittingbourne Library", 12, 14, "Central Avenue\nSittingbourne"),
    ("Chatham Library", 16, 11, "Gun Wharf, Dock Road\nChatham\nME4 4TX"),
]

#: Each question's reference, kind and words: English, then Easy Read.
QUESTIONS = {
    "hubs": (
        "single_choice",
        (
            "We propose that community nurses and therapists work from three local hubs: "
            "Chatham, Gillingham and Sittingbourne. Do you agree?",
            ["Yes", "No", "I am not sure"],
        ),
        (
            "We want nurses to work from 3 places. Is that a good idea?",
            ["Yes", "No", "I do not know"],
        ),
    ),
    "home_visits": (
        "agreement",
        ("Nurses visiting people at home matters more to me than a clinic near me.", []),
        ("It is important that nurses can visit me at home.", []),
    ),
    "services": (
        "multiple_choice",
        (
            "Which of these have you used in the last year?",
            [
                "Community nursing",
                "Physiotherapy",
                "Foot care (podiatry)",
                "Speech and language therapy",
                "None of these",
            ],
        ),
        (
            "Which of these did you use this year?",
            ["Nurses", "Help to move (physio)", "Foot care", "Help with talking", "None"],
        ),
    ),
    "overall": (
        "rating",
        ("How good are community health services where you live?", []),
        ("How good are health services near you?", []),
    ),
    "hub_place": (
        "short_text",
        ("Which of the three places would be easiest for you to get to, and how?", []),
        ("Which place is easy for you to get to?", []),
    ),
    "improve": (
        "long_text",
        ("What would make community health services better for you?", []),
        ("What would make things better for you?", []),
    ),
}
SECTIONS = (
    (("Community nursing near you", ["hubs", "home_visits", "services", "overall"])),
    (("What matters to you", ["hub_place", "improve"])),
)
EASY_READ_HEADINGS = {
    "Community nursing near you": "Nurses near you",
    "What matters to you": "What you think",
}
RATING = {
    "english": ("Very poor", "Very good"),
    "easy_read": ("Very bad", "Very good"),
}


def survey_body(easy_read=False):
    """The open consultation's survey: English, or the Easy Read words."""
    sections = []
    for heading, references in SECTIONS:
        questions = []
        for reference in references:
            kind, english, easy = QUESTIONS[reference]
            text, options = easy if easy_read else english
            # Every text field given (empty when unused): wagtail-localize cannot extract a
            # field that is missing from the stored block.
            extra = {"required": reference == "hubs", "show_if_question": "", "show_if_answer": ""}
            if options:
                extra["options"] = options
            if kind == "rating":
                low, high = RATING["easy_read" if easy_read else "english"]
                extra.update(scale=5, low_label=low, high_label=high)
            questions.append(question(kind, reference, text, **extra))
        if heading == "What matters to you":
            questions.append(
                {
                    "type": "about_you",
                    "value": {"intro": "", "dimensions": ["age_band", "disability", "carer"]},
                }
            )
        sections.append(
            {
                "type": "section",
                "value": {
                    "heading": EASY_READ_HEADINGS[heading] if easy_read else heading,
                    "intro": "",
                    "questions": questions,
                },
            }
        )
    return sections


SURVEY = {
    "title": "Community health services survey",
    "slug": "survey",
    "intro": "<p>It takes about 5 minutes. You can skip any question.</p>",
    "privacy_statement": (
        "<p>Your answers are kept without your name for two years by the Medway and Swale "
        "partnership and used only to decide about community health services. If you ask "
        "to hear back, your email address is kept apart from your answers and deleted once "
        "we have told you our decision.</p>"
    ),
    "thank_you": "<p>Thank you. We will read every response before we decide.</p>",
}
EASY_READ_SURVEY = {
    "title": "Community health services survey: Easy Read",
    "slug": "easy-read",
    "intro": "<p>This survey is about nurses who help you at home or near home.</p>"
    "<p>You do not have to answer every question.</p>",
    "privacy_statement": (
        "<p>We will not put your name with your answers.</p>"
        "<p>We keep your answers for 2 years.</p>"
    ),
    "thank_you": "<p>Thank you for telling us what you think.</p>",
}

#: English segment text (as wagtail-localize extracts it) -> Polish.
POLISH_SEGMENTS = {
    OPEN["title"]: "Usługi zdrowotne w społeczności w Medway i Swale",
    OPEN["summary"]: (
        "Proponujemy, aby pielęgniarki środowiskowe i terapeuci pracowali w trzech "
        "lokalnych centrach. Powiedz nam, co o tym myślisz, zanim podejmiemy decyzję."
    ),
    (
        "Community nurses, physiotherapists and foot-care teams now work from eleven "
        "different bases across Medway and Swale."
    ): (
        "Pielęgniarki środowiskowe, fizjoterapeuci i zespoły opieki nad stopami pracują "
        "obecnie w jedenastu różnych miejscach w Medway i Swale."
    ),
    (
        "We propose that they work from three local hubs instead: in Chatham, Gillingham "
        "and Sittingbourne. Teams would share rooms, records and cover, so fewer visits are "
        "cancelled when someone is off sick."
    ): (
        "Proponujemy, aby zamiast tego pracowali w trzech lokalnych centrach: w Chatham, "
        "Gillingham i Sittingbourne. Zespoły dzieliłyby pomieszczenia, dokumentację i "
        "zastępstwa, więc mniej wizyt byłoby odwoływanych z powodu choroby pracownika."
    ),
    (
        "Home visits would carry on as now. Nothing has been decided: we want to know what "
        "would help you and what worries you."
    ): (
        "Wizyty domowe odbywałyby się tak jak teraz. Nic nie zostało jeszcze postanowione: "
        "chcemy wiedzieć, co by ci pomogło i co cię niepokoi."
    ),
    INVENTED: "Ta konsultacja została wymyślona na potrzeby wersji demonstracyjnej Chorus.",
    OPEN["decision_by"]: "zarząd partnerstwa Medway i Swale na posiedzeniu otwartym",
    (
        "Fill in a paper copy of the survey at any GP surgery or library in Medway and "
        "Swale, and post it to Freepost CHORUS DEMO (no stamp needed)."
    ): (
        "Wypełnij papierową ankietę w dowolnej przychodni lub bibliotece w Medway i Swale "
        "i wyślij ją na adres Freepost CHORUS DEMO (bez znaczka)."
    ),
    (
        "Call 01634 000 000 (an invented number) and we will fill in the survey with you "
        "over the phone, in any language."
    ): (
        "Zadzwoń pod numer 01634 000 000 (numer wymyślony), a wypełnimy z tobą ankietę "
        "przez telefon, w dowolnym języku."
    ),
    SURVEY["title"]: "Ankieta o usługach zdrowotnych w społeczności",
    "It takes about 5 minutes. You can skip any question.": (
        "Wypełnienie zajmie około 5 minut. Możesz pominąć każde pytanie."
    ),
    (
        "Your answers are kept without your name for two years by the Medway and Swale "
        "partnership and used only to decide about community health services. If you ask "
        "to hear back, your email address is kept apart from your answers and deleted once "
        "we have told you our decision."
    ): (
        "Partnerstwo Medway i Swale przechowuje twoje odpowiedzi bez twojego nazwiska przez "
        "dwa lata i wykorzystuje je wyłącznie do decyzji o usługach zdrowotnych w "
        "społeczności. Jeśli poprosisz o informację zwrotną, twój adres e-mail będzie "
        "przechowywany oddzielnie od odpowiedzi i usunięty, gdy przekażemy ci naszą decyzję."
    ),
    "Thank you. We will read every response before we decide.": (
        "Dziękujemy. Przeczytamy każdą odpowiedź, zanim podejmiemy decyzję."
    ),
    "Community nursing near you": "Pielęgniarki środowiskowe w twojej okolicy",
    "What matters to you": "Co jest dla ciebie ważne",
    QUESTIONS["hubs"][1][0]: (
        "Proponujemy, aby pielęgniarki środowiskowe i terapeuci pracowali w trzech "
        "lokalnych centrach: w Chatham, Gillingham i Sittingbourne. Czy się zgadzasz?"
    ),
    "Yes": "Tak",
    "No": "Nie",
    "I am not sure": "Nie wiem",
    QUESTIONS["home_visits"][1][0]: (
        "Wizyty pielęgniarek w domu są dla mnie ważniejsze niż przychodnia blisko domu."
    ),
    QUESTIONS["services"][1][0]: "Z których z tych usług korzystałeś(-aś) w ostatnim roku?",
    "Community nursing": "Pielęgniarka środowiskowa",
    "Physiotherapy": "Fizjoterapia",
    "Foot care (podiatry)": "Opieka nad stopami (podiatria)",
    "Speech and language therapy": "Terapia mowy i języka",
    "None of these": "Żadna z nich",
    QUESTIONS["overall"][1][0]: "Jak oceniasz usługi zdrowotne w swojej okolicy?",
    "Very poor": "Bardzo źle",
    "Very good": "Bardzo dobrze",
    QUESTIONS["hub_place"][1][0]: (
        "Do którego z trzech miejsc najłatwiej byłoby ci dotrzeć i w jaki sposób?"
    ),
    QUESTIONS["improve"][1][0]: "Co poprawiłoby usługi zdrowotne w twojej okolicy?",
}

#: Free-text answers: (the words, may we quote them).
IMPROVE_ENGLISH = [
    ("Evening appointments. I work days and can never get to the clinic.", True),
    ("Please keep the home visits. My dad cannot get out of the house.", True),
    ("A hub in Sittingbourne would mean two buses for me from the Isle of Sheppey.", True),
    ("Tell us who our nurse is and give us one number to ring.", False),
    ("Parking at the Gillingham site is already impossible.", True),
    ("Fewer cancelled visits would make the biggest difference.", False),
    ("Physio waiting times are far too long. I waited four months.", True),
    ("Nurses who speak other languages, or interpreters booked in advance.", True),
    ("Text reminders the day before a visit.", False),
    ("Do not close the small clinics until the hubs are open and working.", True),
    ("Longer visits. The nurses are always rushing.", False),
    ("Better links with the GP surgery so I do not repeat myself.", True),
]
IMPROVE_EASY_READ = [
    ("I want the same nurse each time.", True),
    ("Please tell me the time the nurse will come.", True),
    ("The bus is hard for me. Please visit me at home.", False),
    ("Pictures in the letters help me.", True),
    ("I need more time to talk.", False),
]
IMPROVE_POLISH = [
    ("Potrzebuję tłumacza podczas wizyty pielęgniarki.", True),
    ("Wieczorne godziny przyjęć, bo pracuję na zmiany.", True),
    ("Jedna infolinia zamiast wielu numerów.", False),
    ("Proszę nie zamykać przychodni w Sheerness.", True),
]
HUB_PLACES = ["Chatham, by bus", "Gillingham, by car", "Sittingbourne, on foot", "Chatham", ""]
AGES = ["25_34", "35_44", "45_54", "55_64", "65_74", "75_plus", "prefer_not_to_say"]
DISABILITY = ["no", "no", "yes_a_little", "yes_a_lot", "prefer_not_to_say"]
CARER = ["no", "no", "no", "up_to_19", "20_49"]
AGREEMENT = ["strongly_agree", "agree", "agree", "neither", "disagree"]

#: How many responses each version gets, and by which channel: (version, count, channels).
SPREAD = [
    ("english", 36, ["online"] * 7 + ["paper", "phone"]),
    ("easy_read", 14, ["online"] * 3 + ["paper"] * 2),
    ("polish", 10, ["online"] * 4 + ["phone"]),
]

# --- The closed consultation -------------------------------------------------------------

CLOSED = {
    "title": "Community nursing clinics on the Isle of Sheppey",
    "slug": "sheppey-community-nursing-clinics",
    "summary": (
        "We asked whether the two community nursing clinics on the Isle of Sheppey should "
        "move into Sheppey Community Hospital. Our response is published."
    ),
    "proposal": (
        "<p>We proposed moving the community nursing clinics in Sheerness and Minster into "
        "one clinic at Sheppey Community Hospital, open on more days.</p>"
        f"<p>{INVENTED}</p>"
    ),
    "decision_by": "the Medway and Swale partnership board",
    "we_asked": (
        "<p>Whether the clinics in Sheerness and Minster should move into one clinic at "
        "Sheppey Community Hospital, open five days a week instead of two.</p>"
    ),
    "you_said": (
        "<p>Most people liked a clinic open five days a week. Many were worried about "
        "getting to the hospital without a car, especially from Leysdown and Eastchurch. "
        "Carers asked for appointments that fit around school times.</p>"
    ),
    "other_responses": 23,
    "we_did": (
        "<p>The clinic at Sheppey Community Hospital opens five days a week from next "
        "spring. The partnership is funding a community minibus from Leysdown and "
        "Eastchurch on clinic days, and the clinic keeps appointments between 9:30 and "
        "2:30 for carers of school-age children.</p>"
    ),
    "not_changing": (
        "<p>We will not keep a clinic in Minster as well: there are not enough nurses to "
        "staff three sites, and a second clinic would mean fewer home visits.</p>"
    ),
    "easy_read_summary": (
        "<p>You told us the clinic should be open more days.</p>"
        "<p>You told us it is hard to get to the hospital.</p>"
        "<p>The clinic at the hospital will be open 5 days a week.</p>"
        "<p>A small bus will take people to the clinic.</p>"
    ),
}
CLOSED_BODY = [
    {
        "type": "section",
        "value": {
            "heading": "The clinics",
            "intro": "",
            "questions": [
                question(
                    "single_choice",
                    "move",
                    "Should the two clinics move into Sheppey Community Hospital?",
                    options=["Yes", "No", "I am not sure"],
                ),
                question("long_text", "comments", "Tell us why, or anything else."),
            ],
        },
    }
]
#: (answer to "move", comments, may quote, the redacted words to publish or None)
CLOSED_ANSWERS = [
    (
        "1",
        "Open every day please. My neighbour Mrs Patel has to wait a week for her dressings.",
        True,
        "Open every day please. My neighbour [name removed] has to wait a week for her dressings.",
    ),
    (
        "2",
        "I live in Leysdown at Warden Bay Road and there is one bus an hour to the hospital.",
        True,
        "I live in [place removed] and there is one bus an hour to the hospital.",
    ),
    ("1", "More days open is better for carers like me.", True, None),
    ("3", "Worried about the bus.", False, None),
    ("1", "", False, None),
    ("2", "The Minster clinic is five minutes' walk from my house.", False, None),
    ("1", "Fine as long as parking is free.", True, None),
    ("1", "", False, None),
    ("3", "", False, None),
    ("1", "Please fit appointments around the school run.", True, None),
    ("2", "", False, None),
    ("1", "", False, None),
]

#: Invented people who asked to hear back (only where the demo has people).
HEAR_BACK = [
    ("english", "j.morgan@example.org", "en-gb", False),
    ("english", "carer.rainham@example.com", "en-gb", False),
    ("easy_read", "lee.friends@example.org", "en-gb", True),
    ("easy_read", "advocacy.demo@example.com", "en-gb", True),
    ("polish", "anna.k@example.org", "pl", False),
    ("polish", "tomasz.demo@example.com", "pl", False),
]


def build(context):
    """Build the surveys part of the demo; return the lines ``seed_demo`` prints."""
    demo = SurveysDemo(context)
    demo.build()
    return demo.report_lines()


class SurveysDemo:
    """Builds Medway and Swale's two consultations."""

    def __init__(self, context):
        self.context = context
        self.home = context.sites[MEDWAY].root_page.specific
        self.now = timezone.now()
        self.random = random.Random(14)

    def build(self):
        self.open_consultation()
        self.closed_consultation()

    def report_lines(self):
        lines = [
            f"Consultations on {self.home.get_site().root_url}/:",
            f"  open, with its survey in English, Easy Read and Polish "
            f"({self.responses} responses): {self.open.get_full_url()}",
            f"  closed, with its published response: {self.closed.get_full_url()}",
        ]
        if self.context.with_people:
            lines.append(
                "  people who asked to hear back about the open one (invented addresses) are "
                "emailed when its response is published (admin: Consultations)"
            )
        return lines

    # --- the open consultation ------------------------------------------------------

    def open_consultation(self):
        today = timezone.localdate()
        page = ConsultationPageFactory(
            parent=self.home,
            opens_at=self.now - datetime.timedelta(days=21),
            closes_at=self.now + datetime.timedelta(days=35),
            decision_date=today + datetime.timedelta(days=70),
            stops=[
                {
                    "type": "stop",
                    "value": {
                        "place": place,
                        "starts": timezone.make_aware(
                            datetime.datetime.combine(
                                today + datetime.timedelta(days=days), datetime.time(hour)
                            )
                        ).isoformat(),
                        "address": address,
                    },
                }
                for place, days, hour, address in STOPS
            ],
            **OPEN,
        )
        survey = SurveyPageFactory(
            parent=page,
            opens_at=page.opens_at,
            closes_at=page.closes_at,
            body=survey_body(),
            **SURVEY,
        )
        easy_read = SurveyPageFactory(
            parent=survey,
            format="easy_read",
            original=survey,
            opens_at=page.opens_at,
            closes_at=page.closes_at,
            body=survey_body(easy_read=True),
            **EASY_READ_SURVEY,
        )
        page.refresh_from_db()
        if page.survey_id is None:
            page.survey = survey
            page.save_revision().publish()
        locale, _ = Locale.objects.get_or_create(language_code=POLISH)
        polish_page = translate(page, locale)
        polish_survey = translate(survey, locale)
        # Read again: the Polish survey was added under it since (treebeard's child count).
        polish_page.refresh_from_db()
        if polish_page.survey_id != polish_survey.pk:
            polish_page.survey = polish_survey
            polish_page.save_revision().publish()
        page.refresh_from_db()
        if not page.other_formats:
            # The survey's other versions: the ways to answer in another format.
            page.other_formats = [
                {
                    "type": "format",
                    "value": {"format": "easy_read", "link": easy_read.get_full_url()},
                },
                {
                    "type": "format",
                    "value": {
                        "format": "language",
                        "language": "Polski",
                        "link": polish_survey.get_full_url(),
                    },
                },
            ]
            page.save_revision().publish()
        self.open = page
        versions = {"english": survey, "easy_read": easy_read, "polish": polish_survey}
        if not Response.objects.filter(survey=survey).exists():
            self.open_responses(versions)
        if self.context.with_people:
            for version, email, language, wants_easy_read in HEAR_BACK:
                HearBack.objects.get_or_create(
                    survey=versions[version],
                    email=email,
                    defaults={"language": language, "easy_read": wants_easy_read},
                )
        self.responses = Response.objects.filter(
            survey=survey, status=Response.Status.SUBMITTED
        ).count()

    def open_responses(self, versions):
        pick = self.random.choice
        for version, count, channels in SPREAD:
            texts = {
                "english": IMPROVE_ENGLISH,
                "easy_read": IMPROVE_EASY_READ,
                "polish": IMPROVE_POLISH,
            }[version]
            for number in range(count):
                text, may_quote = texts[number % len(texts)]
                answers = {
                    "hubs": pick(["1", "1", "1", "2", "3"]),
                    "home_visits": pick(AGREEMENT),
                    "services": sorted(self.random.sample(["1", "2", "3", "4"], pick([1, 1, 2]))),
                    "overall": pick(["2", "3", "3", "4", "4", "5"]),
                    "about_you.age_band": pick(AGES),
                    "about_you.disability": pick(DISABILITY),
                    "about_you.carer": pick(CARER),
                }
                # About half say more in their own words.
                if number % 2 == 0:
                    answers["improve"] = text
                place = pick(HUB_PLACES)
                if place:
                    answers["hub_place"] = place
                submitted_response(
                    versions[version],
                    answers,
                    language="pl" if version == "polish" else "en-gb",
                    easy_read=version == "easy_read",
                    channel=pick(channels),
                    may_quote=may_quote and number % 2 == 0,
                )

    # --- the closed consultation ----------------------------------------------------

    def closed_consultation(self):
        today = timezone.localdate()
        page = ConsultationPageFactory(
            parent=self.home,
            opens_at=self.now - datetime.timedelta(days=150),
            closes_at=self.now - datetime.timedelta(days=90),
            decision_date=today - datetime.timedelta(days=45),
            **CLOSED,
        )
        survey = SurveyPageFactory(
            parent=page,
            title="Sheppey community nursing clinics survey",
            slug="survey",
            opens_at=page.opens_at,
            closes_at=page.closes_at,
            body=CLOSED_BODY,
        )
        page.refresh_from_db()
        if page.survey_id is None:
            page.survey = survey
            page.save_revision().publish()
        self.closed = page
        if Response.objects.filter(survey=survey).exists():
            return
        staff = None
        if self.context.with_people:
            staff = UserFactory(
                email="engagement.demo@example.org",
                first_name="Ruth",
                last_name="Okafor",
                password="chorus-demo",
            )
        for order, (move, comments, may_quote, redacted) in enumerate(CLOSED_ANSWERS):
            answers = {"move": move}
            if comments:
                answers["comments"] = comments
            response = submitted_response(survey, answers, may_quote=may_quote)
            if redacted:
                quote = Quote.objects.create(
                    consultation=page,
                    answer=response.answers.get(question="comments"),
                    chosen_by=staff,
                    order=order,
                )
                quote.redact(redacted, staff)
                quote.published = True
                quote.save(update_fields=["published"])
        ResponsePublication.objects.get_or_create(
            consultation=page,
            defaults={
                "published_at": self.now - datetime.timedelta(days=40),
                "published_by": staff,
                "survey_responses": len(CLOSED_ANSWERS),
                "status": ResponsePublication.Sending.DONE,
                "finished_at": self.now - datetime.timedelta(days=40),
            },
        )


def translate(page, locale, segments=POLISH_SEGMENTS):
    """Translate ``page`` into ``locale`` through wagtail-localize, as the editor's
    "Translate" button does, with ``segments`` (English -> translated text); return the
    translated page. A page already translated is returned as it is."""
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
    # Saved as a draft and published here: wagtail-localize would publish only once the
    # transaction commits, over anything changed on the translation in between.
    translation.save_target(publish=False)
    translated = page.get_translation(locale).specific
    translated.save_revision().publish()
    return translated
