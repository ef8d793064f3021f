"""Nothing leaks across consent levels: for each role, exactly the records it may see, from
the one rule every screen uses (``visible_to``) and on the public search page."""

import pytest

from coproduction.insight.visibility import visible_to

pytestmark = pytest.mark.django_db

PUBLIC, PARTNERS, PARTNERSHIP, INTERNAL = "public", "partners", "partnership", "internal"

#: What each role sees: (owner, level) pairs. "partner_here" works for a Medway partner,
#: "partner_elsewhere" for a West Kent one, "editor" is on Medway's team.
EXPECTED = {
    "anonymous": {("medway", PUBLIC), ("west_kent", PUBLIC)},
    "member": {("medway", PUBLIC), ("west_kent", PUBLIC)},
    "partner_here": {
        ("medway", PUBLIC),
        ("west_kent", PUBLIC),
        ("medway", PARTNERS),
        ("west_kent", PARTNERS),
        ("medway", PARTNERSHIP),
    },
    "partner_elsewhere": {
        ("medway", PUBLIC),
        ("west_kent", PUBLIC),
        ("medway", PARTNERS),
        ("west_kent", PARTNERS),
        ("west_kent", PARTNERSHIP),
    },
    "editor": {
        ("medway", PUBLIC),
        ("west_kent", PUBLIC),
        ("medway", PARTNERS),
        ("west_kent", PARTNERS),
        ("medway", PARTNERSHIP),
        ("medway", INTERNAL),
    },
    "superuser": {
        (place, level)
        for place in ("medway", "west_kent")
        for level in (PUBLIC, PARTNERS, PARTNERSHIP, INTERNAL)
    },
}


@pytest.mark.parametrize("role", list(EXPECTED))
def test_each_role_sees_exactly_what_was_shared_with_it(role, users, every_level):
    seen = set(visible_to(users[role]).values_list("pk", flat=True))
    expected = {every_level[key].pk for key in EXPECTED[role]}
    assert seen == expected


@pytest.mark.parametrize("role", list(EXPECTED))
def test_the_search_page_shows_each_role_only_what_it_may_see(
    role, users, every_level, client, insight_bank
):
    if users[role] is not None:
        client.force_login(users[role])
    html = client.get(insight_bank.url, {"q": "waiting"}).content.decode()
    for (place, level), _record in every_level.items():
        shown = f"for {level} {place}" in html.replace("<mark>", "").replace("</mark>", "")
        assert shown == ((place, level) in EXPECTED[role]), (place, level)


def test_a_deactivated_partner_sees_only_public_records(users, every_level):
    partner = users["partner_here"]
    partner.is_active = False
    partner.save()
    levels = set(visible_to(partner).values_list("consent", flat=True))
    assert levels == {PUBLIC}


def test_a_partnership_site_shows_its_own_records_only(users, every_level, medway_site):
    seen = set(visible_to(users["superuser"], medway_site).values_list("pk", flat=True))
    assert seen == {
        record.pk for (place, _level), record in every_level.items() if place == "medway"
    }
