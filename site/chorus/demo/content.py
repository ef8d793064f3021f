"""The demo network's content, taken from the public documents Chorus was conceived from.

Names, roles and figures come from the seeds (Involving Medway, Kent and Medway's plan for
hearing people and communities, Healthwatch West Sussex's partnership work, Oldham's Thriving
Communities minutes and the Sharing Care co-op). Registered numbers are left blank: the demo
does not invent identifiers for real organisations.
"""

NETWORK = {
    "hostname": "localhost",
    "title": "Kent and Medway co-production network",
    "site_name": "Kent and Medway",
    "introduction": (
        "<p>People and communities across Kent and Medway help shape their health and care "
        "services. This network brings together the four health and care partnerships, "
        "community interest companies, Healthwatch, councils, the NHS and voluntary groups, "
        "so that people do not have to tell their story twice.</p>"
    ),
}

PARTNERSHIPS = [
    {
        "hostname": "medway-swale.localhost",
        "slug": "medway-swale",
        "title": "Medway and Swale Health and Care Partnership",
        "kind": "place",
        "area_served": "Medway and Swale",
        "summary": (
            "Home of Involving Medway: community grants, volunteer community health "
            "researchers and time credits for volunteers."
        ),
        "introduction": (
            "<p>Involving Medway encourages people to get involved with, and help make "
            "decisions about, health provision in Medway. The pilot launched in March 2017 "
            "as a partnership of seven community organisations.</p>"
        ),
        "roles": [
            ("Red Zebra", "Leads Involving Medway as its community infrastructure organisation"),
            ("Spice Innovations Limited", "Introduces Medway Time Credits for volunteers"),
            ("Kent Community Foundation", "Administers small grants to community groups"),
            (
                "Medway Voluntary Action",
                "Helps voluntary groups work with health decision makers",
            ),
            ("Tess Luetchford", "Trains volunteer community health researchers"),
            ("Arches Local", "Big Local partnership in the Luton Arches area of Chatham"),
            ("New Economics Foundation", "Brings national expertise in creating social change"),
            ("DERiC", "Develops community-owned social enterprises with local CICs"),
            ("Walderslade Together CIC (WALT)", "Reduces social isolation in Walderslade"),
            ("Hoo Peninsula Carers CIC (wHoo Cares)", "Supports carers on the Hoo Peninsula"),
            ("Medway Council", "Supports the community interest companies"),
        ],
    },
    {
        "hostname": "west-kent.localhost",
        "slug": "west-kent",
        "title": "West Kent Health and Care Partnership",
        "kind": "place",
        "area_served": "Maidstone, Tonbridge and Malling, Tunbridge Wells and Sevenoaks",
        "summary": "Developing patient groups that represent West Kent's communities.",
        "introduction": (
            "<p>West Kent is building people and community networks at place level, so that "
            "local voices are heard where decisions are made.</p>"
        ),
        "roles": [
            ("NHS Kent and Medway", "Commissions services and hosts the Health Network"),
            ("Healthwatch Kent", "Gathers and publishes people's experiences of care"),
            ("Kent County Council", "Social care and public health partner"),
        ],
    },
    {
        "hostname": "east-kent.localhost",
        "slug": "east-kent",
        "title": "East Kent Health and Care Partnership",
        "kind": "place",
        "area_served": "Ashford, Canterbury, Dover, Folkestone and Hythe, Thanet and Swale",
        "summary": "Taking the roving roadshow to town centres, hospitals and rural areas.",
        "introduction": (
            "<p>East Kent hears from people where they are: in shopping centres, hospitals, "
            "supermarkets, town centres and rural communities.</p>"
        ),
        "roles": [
            ("NHS Kent and Medway", "Runs the roving roadshow with local partners"),
            ("Healthwatch Kent", "Independent champion for people who use services"),
            ("Kent County Council", "Social care and public health partner"),
        ],
    },
    {
        "hostname": "dgs.localhost",
        "slug": "dgs",
        "title": "Dartford, Gravesham and Swanley Health and Care Partnership",
        "kind": "place",
        "area_served": "Dartford, Gravesham and Swanley",
        "summary": "Working with schools, colleges and youth groups so young people are heard.",
        "introduction": (
            "<p>The partnership works with schools, colleges, universities and youth groups "
            "to support young people to help shape local services.</p>"
        ),
        "roles": [
            ("NHS Kent and Medway", "Leads engagement for the partnership"),
            ("Kent County Council", "Social care and public health partner"),
        ],
    },
    {
        "hostname": "sharing-care.localhost",
        "slug": "sharing-care",
        "title": "Sharing Care co-op",
        "kind": "coop",
        "area_served": "Members' own neighbourhoods",
        "summary": (
            "A community-owned care co-operative where user members and staff build mutually "
            "caring relationships."
        ),
        "introduction": (
            "<p>Sharing Care offers holistic care and support. Supported by Power to Change, "
            "the co-op spent the first half of 2022 learning with its members what "
            "membership means and how members can contribute, influence and share care.</p>"
        ),
        "roles": [("Power to Change", "Funds the Sharing Care learning project")],
    },
]

ORGANISATIONS = [
    {
        "name": "Red Zebra",
        "kind": "vcse",
        "description": "A community infrastructure organisation leading Involving Medway.",
        "places_served": "Medway",
        "tags": ["infrastructure", "community development"],
    },
    {
        "name": "Spice Innovations Limited",
        "kind": "business",
        "description": "Introduces Medway Time Credits, rewarding social action and volunteering.",
        "places_served": "Medway",
        "tags": ["time credits", "volunteering"],
    },
    {
        "name": "Kent Community Foundation",
        "kind": "vcse",
        "description": (
            "Administers small grants that fund activities to build stronger communities."
        ),
        "places_served": "Kent and Medway",
        "tags": ["grants"],
    },
    {
        "name": "Medway Voluntary Action",
        "kind": "vcse",
        "description": (
            "Supports voluntary and community organisations to work more closely with health "
            "decision makers and to involve residents in designing services."
        ),
        "places_served": "Medway",
        "tags": ["infrastructure", "volunteering"],
    },
    {
        "name": "Tess Luetchford",
        "kind": "business",
        "description": (
            "Trains volunteer community health researchers to gather views, so that residents "
            "have their voices heard."
        ),
        "places_served": "Medway",
        "tags": ["community research"],
    },
    {
        "name": "Arches Local",
        "kind": "vcse",
        "description": "A lottery 'Big Local' area in the Luton Arches area of Chatham.",
        "places_served": "Luton Arches, Chatham",
        "tags": ["community development"],
    },
    {
        "name": "New Economics Foundation",
        "kind": "vcse",
        "description": "Brings national expertise to creating social change.",
        "places_served": "National",
        "tags": ["research"],
    },
    {
        "name": "DERiC",
        "kind": "cic",
        "description": (
            "Developing and Empowering Resources in Communities: creates and sustains "
            "partnerships between communities and the public bodies that serve them."
        ),
        "places_served": "Medway",
        "tags": ["community development", "social enterprise"],
    },
    {
        "name": "Walderslade Together CIC (WALT)",
        "kind": "cic",
        "description": (
            "Set up by local volunteers with DERiC and Medway Council; registered since July "
            "2015 to support people and reduce social isolation in Walderslade."
        ),
        "places_served": "Walderslade",
        "tags": ["isolation", "volunteering"],
    },
    {
        "name": "Hoo Peninsula Carers CIC (wHoo Cares)",
        "kind": "cic",
        "description": (
            "Supports people and carers on the Hoo Peninsula, matching them with volunteer "
            "community supporters."
        ),
        "places_served": "Hoo Peninsula",
        "tags": ["carers", "isolation"],
    },
    {
        "name": "Medway Council",
        "kind": "council",
        "description": "The unitary council for Medway.",
        "places_served": "Medway",
        "tags": [],
    },
    {
        "name": "Kent County Council",
        "kind": "council",
        "description": "The county council for Kent.",
        "places_served": "Kent",
        "tags": [],
    },
    {
        "name": "NHS Kent and Medway",
        "kind": "nhs",
        "description": (
            "The integrated care board that plans and buys NHS services, and hosts a Health "
            "Network of more than 6,000 people who want to have their say."
        ),
        "places_served": "Kent and Medway",
        "tags": ["health network"],
    },
    {
        "name": "Healthwatch Kent",
        "kind": "healthwatch",
        "description": "The independent champion for people who use health and care in Kent.",
        "places_served": "Kent",
        "tags": ["spotlight reports"],
    },
    {
        "name": "Power to Change",
        "kind": "vcse",
        "description": "Supports community businesses, including the Sharing Care co-op.",
        "places_served": "England",
        "tags": ["funder"],
    },
]

# Spotlights: (site hostname, organisation, fields). Figures keep their real sources.
SPOTLIGHTS = [
    (
        "medway-swale.localhost",
        "Walderslade Together CIC (WALT)",
        {
            "title": "Spotlight on Walderslade Together",
            "slug": "walderslade-together",
            "tags": ["isolation", "volunteering"],
            "summary": "Volunteer community supporters helping people in Walderslade feel "
            "less alone.",
            "who_they_are": "<p>A community interest company created by local volunteers, "
            "who serve as its board, with DERiC and the support of Medway Council. It has "
            "been registered since July 2015.</p>",
            "what_they_do": "<p>A community life-planning coordinator works with each person "
            "on a person-centred plan, then links them with local groups, services and "
            "events, and where needed with a volunteer community supporter.</p>",
            "what_people_told_them": "<p>Small, regular contact matters most: a chat and a "
            "cup of tea once a week, help getting to the coffee morning, or support getting "
            "to GP and hospital appointments.</p>",
            "what_changed": "<p>Volunteering reduces isolation for the people supported and "
            "improves employability for the volunteers themselves.</p>",
            "body": [
                {
                    "type": "key_figure",
                    "value": {
                        "value": "2015",
                        "measure": "the year Walderslade Together was registered as a CIC",
                        "source": "Medway community involvement summary",
                    },
                },
                {
                    "type": "quote",
                    "value": {
                        "text": "Help getting to the coffee morning can be the difference "
                        "between a week alone and a week with friends.",
                        "attribution": "A community supporter (illustrative demo quote)",
                    },
                },
            ],
        },
    ),
    (
        "medway-swale.localhost",
        "Hoo Peninsula Carers CIC (wHoo Cares)",
        {
            "title": "Spotlight on wHoo Cares",
            "slug": "whoo-cares",
            "tags": ["carers", "isolation"],
            "summary": "Carers on the Hoo Peninsula supporting each other and their neighbours.",
            "who_they_are": "<p>A community interest company on the Hoo Peninsula, developed "
            "by volunteers with DERiC and Medway Council.</p>",
            "what_they_do": "<p>Matches people with volunteer community supporters and links "
            "them with groups and events in their community.</p>",
            "what_people_told_them": "<p>Rural carers find it hard to reach services and to "
            "get a break; transport is often the barrier.</p>",
            "what_changed": "<p>More carers now know where to find local support and "
            "volunteers help with lifts to appointments.</p>",
            "body": [],
        },
    ),
    (
        "west-kent.localhost",
        "Healthwatch Kent",
        {
            "title": "Spotlight on partnership working with Healthwatch",
            "slug": "partnership-working-with-healthwatch",
            "tags": ["spotlight reports", "partnership"],
            "summary": "Why local organisations value a shared voice in health and care decisions.",
            "who_they_are": "<p>Healthwatch is the independent champion for people who use "
            "health and social care services.</p>",
            "what_they_do": "<p>Joint engagement, joint reports, shared endorsements and "
            "joint events with local voluntary organisations, so their voices reach "
            "decision makers.</p>",
            "what_people_told_them": "<p>People do not like telling their story many times: "
            "they trust the community groups they already know.</p>",
            "what_changed": "<p>Partners now report back to each other on the impact of "
            "shared projects.</p>",
            "body": [
                {
                    "type": "key_figure",
                    "value": {
                        "value": "71%",
                        "measure": "of respondents said gathering local views is important "
                        "for setting priorities",
                        "source": "Healthwatch West Sussex partnership survey",
                    },
                },
                {
                    "type": "key_figure",
                    "value": {
                        "value": "66%",
                        "measure": "agreed Healthwatch adds value and a distinct perspective "
                        "to health and care decisions",
                        "source": "Healthwatch West Sussex partnership survey",
                    },
                },
            ],
        },
    ),
    (
        "sharing-care.localhost",
        "Power to Change",
        {
            "title": "Spotlight on learning with our members",
            "slug": "learning-with-our-members",
            "tags": ["co-operatives", "membership"],
            "summary": "What membership of a care co-op means, asked of the members themselves.",
            "who_they_are": "<p>Sharing Care is a community-owned care co-op; Power to "
            "Change supports its learning project, extended to June 2022.</p>",
            "what_they_do": "<p>User members and staff develop mutually caring "
            "relationships, with community-based support part of the model of care.</p>",
            "what_people_told_them": "<p>Members want to lead: to contribute, influence, "
            "and share care, with the co-op removing barriers.</p>",
            "what_changed": "<p>Dedicated time for community work, and a plan shaped and "
            "led by members.</p>",
            "body": [],
        },
    ),
]

ASSEMBLY = {
    "title": "Kent and Medway Health Assembly pilot",
    "slug": "health-assembly-pilot",
    "topic": "How should people and communities shape health and care in Kent and Medway?",
    "introduction": "<p>A large facilitated workshop that takes 40 to 50 participants "
    "through a series of discussions on one topic.</p>",
    "venue_name": "Medway Park",
    "venue_address": "Mill Road\nGillingham\nME7 1HF",
    "recruitment": "<p>Representative community organisations, together with members of "
    "the public invited through the Citizens' Panel and the Health Network of more than "
    "6,000 people.</p>",
    "min_participants": 40,
    "max_participants": 50,
    "organisations": [
        "Healthwatch Kent",
        "Medway Voluntary Action",
        "Red Zebra",
        "NHS Kent and Medway",
        "DERiC",
    ],
}

CHARTER_SIGNATORIES = [
    (
        "Medway Voluntary Action",
        "approved",
        "We will bring the voluntary and community groups we support into decisions early, "
        "and help them take part as equals.",
    ),
    (
        "Red Zebra",
        "approved",
        "We will report back to every community group we work with on what changed as a "
        "result of their involvement.",
    ),
    (
        "Healthwatch Kent",
        "approved",
        "We will share what people tell us with partners so that nobody has to tell their "
        "story twice.",
    ),
    (
        "DERiC",
        "approved",
        "We will keep community-owned enterprises at the centre of the services they help design.",
    ),
    (
        "Arches Local",
        "pending",
        "We will hold open meetings in the Luton Arches area so residents can shape local "
        "priorities.",
    ),
]
