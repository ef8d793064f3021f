"""Postcodes: checked as UK postcodes and placed in a Kent and Medway council area."""

import pytest
from django.core.exceptions import ValidationError

from plugins.grants.areas import (
    DISTRICT_AREAS,
    KENT_AND_MEDWAY,
    area_for_postcode,
    normalise_postcode,
    postcode_district,
)


@pytest.mark.parametrize(
    ("postcode", "name", "code"),
    [
        ("ME4 4HP", "Medway", "E06000035"),  # Chatham
        ("me1 1aa", "Medway", "E06000035"),  # Rochester, typed in lower case
        ("ME8 0AA", "Medway", "E06000035"),  # Rainham
        ("ME10 4DT", "Swale", "E07000113"),  # Sittingbourne
        ("ME12 1HH", "Swale", "E07000113"),  # Sheerness
        ("ME13 7AA", "Swale", "E07000113"),  # Faversham
        ("ME14 1XQ", "Maidstone", "E07000110"),
        ("ME19 4LZ", "Tonbridge and Malling", "E07000115"),  # Kings Hill
        ("DA1 1DX", "Dartford", "E07000107"),
        ("DA11 0DQ", "Gravesham", "E07000109"),  # Northfleet
        ("TN13 1AA", "Sevenoaks", "E07000111"),
        ("BR8 7AA", "Sevenoaks", "E07000111"),  # Swanley
        ("TN9 1AA", "Tonbridge and Malling", "E07000115"),
        ("TN1 1AA", "Tunbridge Wells", "E07000116"),
        ("TN23 1AA", "Ashford", "E07000105"),
        ("CT1 2AA", "Canterbury", "E07000106"),
        ("CT16 1AA", "Dover", "E07000108"),
        ("CT20 1AA", "Folkestone and Hythe", "E07000112"),
        ("CT9 1AA", "Thanet", "E07000114"),  # Margate
    ],
)
def test_kent_and_medway_postcodes_map_to_their_council(postcode, name, code):
    area = area_for_postcode(postcode)
    assert (area.name, area.code) == (name, code)


def test_every_kent_and_medway_council_is_reachable_from_some_postcode_district():
    assert set(DISTRICT_AREAS.values()) == set(KENT_AND_MEDWAY)
    assert len(KENT_AND_MEDWAY) == 13


def test_a_postcode_outside_kent_and_medway_keeps_its_district_and_no_code():
    area = area_for_postcode("SE1 7PB")  # London
    assert (area.name, area.code) == ("SE1", "")
    assert area_for_postcode("TN34 1AA") == ("TN34", "")  # Hastings, East Sussex
    assert area_for_postcode("DA5 1AA") == ("DA5", "")  # Bexley, London


@pytest.mark.parametrize(
    ("typed", "tidy"),
    [
        ("me44hp", "ME4 4HP"),
        ("  ME4   4HP ", "ME4 4HP"),
        ("sw1a1aa", "SW1A 1AA"),
        ("W1A 0AX", "W1A 0AX"),
    ],
)
def test_postcodes_are_tidied(typed, tidy):
    assert normalise_postcode(typed) == tidy


@pytest.mark.parametrize(
    "bad", ["", "ME4", "ME4 4H", "ME4 HP", "12345", "ME4 4HPX", "ME4 4CI", "<script>"]
)
def test_things_that_are_not_postcodes_are_refused_with_an_example(bad):
    with pytest.raises(ValidationError) as refused:
        normalise_postcode(bad)
    assert "such as ME4 4HP" in refused.value.messages[0]


def test_the_district_is_the_outward_code():
    assert postcode_district("me10 4dt") == "ME10"
