"""UK postcodes: tidied, checked, and mapped to a place by the longest matching prefix."""

# The fixtures are imported from .staff, and named as arguments: ruff sees redefinitions.
# ruff: noqa: F401, F811

import pytest
from django.core.exceptions import ValidationError

from coproduction.models import PostcodeArea
from coproduction.register.postcodes import normalise_postcode, place_for_postcode

from .staff import medway, west_kent


@pytest.mark.parametrize(
    ("given", "tidy"),
    [("me71hf", "ME7 1HF"), (" sw1a  1aa ", "SW1A 1AA"), ("CT1 2EH", "CT1 2EH"), ("", "")],
)
def test_postcodes_are_tidied(given, tidy):
    assert normalise_postcode(given) == tidy


@pytest.mark.parametrize("bad", ["ME7", "12345", "ME7 1H", "not a postcode"])
def test_a_bad_postcode_is_refused_clearly(bad):
    with pytest.raises(ValidationError, match="Enter a full UK postcode"):
        normalise_postcode(bad)


@pytest.mark.django_db
def test_the_longest_prefix_wins_and_districts_match_whole(medway, west_kent):
    PostcodeArea.objects.create(prefix="ME", place=west_kent)
    PostcodeArea.objects.create(prefix="ME1", place=medway)
    assert place_for_postcode("ME1 1AA") == medway
    assert place_for_postcode("ME10 4AB") == west_kent  # "ME1" is not a prefix of ME10
    assert place_for_postcode("CT1 2EH") is None
