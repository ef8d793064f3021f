"""The demo's Easy Read versions: the network's charter and its health assembly pilot.

Each sentence holds one idea in 15 words or fewer, beside a simple picture drawn here with
Pillow (people, a page, speech bubbles...) and stored as a Wagtail image with alt text.
Built after the charter and the assembly (``seed_demo``); like them, found by slug and left
as they are on a second run.
"""

from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw

from chorus.easyread.factories import EasyReadPageFactory, PictureFactory, heading, idea
from coproduction.models import AssemblyPage, CharterPage

SIZE = 400  # drawn at twice the stored size, then scaled down for smooth edges
BACKGROUND = "#eef5f3"
TEAL, BLUE, ORANGE, PURPLE, GREEN, RED, INK = (
    "#00605a",
    "#1d70b8",
    "#d4351c",
    "#4c2c92",
    "#00703c",
    "#b3261e",
    "#1d1d1f",
)


# --- pictures ------------------------------------------------------------------------


def person(draw, x, y, scale, colour):
    """A person: a round head above rounded shoulders, centred on ``x``, head top at ``y``."""
    head = 36 * scale
    draw.ellipse([x - head, y, x + head, y + 2 * head], fill=colour)
    body_top = y + 2.3 * head
    draw.rounded_rectangle(
        [x - 1.7 * head, body_top, x + 1.7 * head, body_top + 3 * head], 40 * scale, fill=colour
    )


def people(draw):
    for x, colour in ((110, BLUE), (290, PURPLE)):
        person(draw, x, 110, 1, colour)
    person(draw, 200, 80, 1.15, TEAL)


def page_with_lines(draw):
    draw.rounded_rectangle([100, 50, 300, 350], 14, fill="white", outline=INK, width=8)
    for y in range(110, 300, 45):
        draw.line([135, y, 265, y], fill=TEAL, width=14)


def speech(draw):
    draw.rounded_rectangle([50, 60, 300, 230], 40, fill=BLUE)
    draw.polygon([(100, 220), (90, 300), (170, 225)], fill=BLUE)
    draw.rounded_rectangle([170, 190, 360, 320], 36, fill=ORANGE)
    draw.polygon([(300, 310), (330, 370), (260, 315)], fill=ORANGE)


def tick(draw):
    draw.ellipse([50, 50, 350, 350], fill=GREEN)
    draw.line([(125, 205), (180, 265), (285, 145)], fill="white", width=36, joint="curve")


def lightbulb(draw):
    draw.ellipse([110, 50, 290, 230], fill="#ffdd00", outline=INK, width=8)
    draw.rectangle([160, 225, 240, 300], fill="#ffdd00", outline=INK, width=8)
    draw.line([160, 325, 240, 325], fill=INK, width=16)


def calendar(draw):
    draw.rounded_rectangle([70, 80, 330, 330], 18, fill="white", outline=INK, width=8)
    draw.rectangle([74, 84, 326, 150], fill=RED)
    for x in (130, 270):
        draw.line([x, 55, x, 110], fill=INK, width=16)
    for row in range(3):
        for column in range(4):
            left, top = 100 + column * 55, 175 + row * 50
            draw.rectangle([left, top, left + 35, top + 30], fill=TEAL)


def pin(draw):
    draw.polygon([(120, 190), (280, 190), (200, 360)], fill=RED)
    draw.ellipse([110, 40, 290, 220], fill=RED)
    draw.ellipse([165, 95, 235, 165], fill="white")


def ramp(draw):
    """A wheelchair user going up a ramp."""
    draw.polygon([(30, 350), (370, 350), (370, 250)], fill=TEAL)
    draw.ellipse([150, 95, 200, 145], fill=BLUE)  # head
    draw.line([(175, 145), (170, 225), (235, 225), (250, 270)], fill=BLUE, width=22)  # body, legs
    draw.ellipse([120, 205, 220, 305], outline=INK, width=12)  # wheel


def moon(draw):
    draw.ellipse([80, 60, 340, 320], fill=PURPLE)
    draw.ellipse([150, 30, 390, 270], fill=BACKGROUND)


def coins(draw):
    for i, top in enumerate((250, 200, 150, 100)):
        draw.ellipse([110, top, 290, top + 70], fill="#f4b400", outline=INK, width=8)
        if i == 3:
            draw.line([170, top + 35, 230, top + 35], fill=INK, width=10)


def envelope(draw):
    draw.rectangle([50, 100, 350, 300], fill="white", outline=INK, width=8)
    draw.line([(54, 104), (200, 220), (346, 104)], fill=BLUE, width=14, joint="curve")


def heart(draw):
    draw.ellipse([70, 90, 210, 230], fill=RED)
    draw.ellipse([190, 90, 330, 230], fill=RED)
    draw.polygon([(78, 190), (322, 190), (200, 340)], fill=RED)


#: name: (drawing, alt text)
PICTURES = {
    "people": (people, "Three people standing together"),
    "page": (page_with_lines, "A sheet of paper with writing on it"),
    "speech": (speech, "Two speech bubbles: people talking"),
    "tick": (tick, "A green tick"),
    "idea": (lightbulb, "A light bulb: an idea"),
    "calendar": (calendar, "A calendar"),
    "pin": (pin, "A red map pin: a place"),
    "ramp": (ramp, "A person in a wheelchair going up a ramp"),
    "quiet": (moon, "A moon: a quiet place to rest"),
    "money": (coins, "A pile of coins"),
    "letter": (envelope, "A letter in an envelope"),
    "care": (heart, "A red heart: care"),
}


def picture(name):
    """Return the demo's Wagtail image called ``name``, drawing it the first time."""
    draw, alt_text = PICTURES[name]
    title = f"Easy Read: {alt_text}"
    canvas = Image.new("RGB", (SIZE, SIZE), BACKGROUND)
    draw(ImageDraw.Draw(canvas))
    buffer = BytesIO()
    canvas.resize((SIZE // 2, SIZE // 2), Image.LANCZOS).save(buffer, "PNG")
    return PictureFactory(
        title=title,
        description=alt_text,
        file=ImageFile(BytesIO(buffer.getvalue()), name=f"easy-read-{name}.png"),
    )


# --- pages ---------------------------------------------------------------------------


def charter_body(pictures):
    """The charter in Easy Read: what it is, its four promises, who signs it."""
    return [
        heading("What is this?"),
        idea("This is our charter.", pictures["page"]),
        idea("A charter is a list of promises.", pictures["tick"]),
        idea("It is about how we plan health and care.", pictures["care"]),
        idea("We plan services with the people who use them.", pictures["people"]),
        heading("Our promises"),
        idea("We ask you early, before we make plans.", pictures["idea"]),
        idea("You help us decide, as an equal partner.", pictures["people"]),
        idea("Everyone can take part.", pictures["ramp"]),
        idea("We can get an interpreter if you do not speak English.", pictures["speech"]),
        idea("We make Easy Read papers, like this one.", pictures["page"]),
        idea("We tell you what happened because of what you said.", pictures["letter"]),
        heading("Who signs the charter?"),
        idea("Groups and services sign the charter.", pictures["tick"]),
        idea("It shows they will keep these promises.", pictures["care"]),
    ]


def assembly_body(assembly, pictures):
    """The health assembly pilot in Easy Read: what, when, where, help, what happens next."""
    date = assembly.start_date
    day = f"{date:%A} {date.day} {date:%B %Y}"
    return [
        heading("What is a health assembly?"),
        idea("A health assembly is a big meeting of local people.", pictures["people"]),
        idea("We talk about health and care in Kent and Medway.", pictures["speech"]),
        idea("We ask how you want to shape health and care.", pictures["idea"]),
        heading("When and where"),
        idea(f"It is on {day}.", pictures["calendar"]),
        idea("It is at Medway Park, Mill Road, Gillingham.", pictures["pin"]),
        heading("Help to take part"),
        idea("You can get in without using steps.", pictures["ramp"]),
        idea("There is a quiet room if you need a rest.", pictures["quiet"]),
        idea("We pay for your travel.", pictures["money"]),
        idea("Tell us if you need any other help.", pictures["speech"]),
        heading("Who takes part?"),
        idea("40 to 50 people take part.", pictures["people"]),
        heading("What happens next?"),
        idea("Your ideas go to the people who plan services.", pictures["page"]),
        idea("We write to tell you what changed.", pictures["letter"]),
    ]


def build_easy_read_versions(network):
    """Give the network's charter and health assembly pilot their Easy Read versions."""
    home = network.root_page
    pictures = {name: picture(name) for name in PICTURES}
    charter = CharterPage.objects.descendant_of(home).filter(slug="charter").first()
    if charter is not None:
        EasyReadPageFactory(
            parent=charter,
            title="Our co-production charter: Easy Read",
            body=charter_body(pictures),
        )
    assembly = AssemblyPage.objects.descendant_of(home).filter(slug="health-assembly-pilot").first()
    if assembly is not None:
        EasyReadPageFactory(
            parent=assembly,
            title="The health assembly: Easy Read",
            body=assembly_body(assembly, pictures),
        )
