"""UK postcodes: tidied, checked, and mapped to a place by the longest matching prefix."""

import pytest
from django.core.exceptions import ValidationError

from coproduction.models import PostcodeArea
from coproduction.register.postcodes import normalise_postcode, place_for_postcode


@pytest.mark.parametrize(
    ("typed", "tidy"),
    [
        ("me4 4tr", "ME4 4TR"),
        (" ME10  1AB ", "ME10 1AB"),
        ("ec1a1bb", "EC1A 1BB"),
        ("M11AE", "M1 1AE"),
    ],
)
def test_a_postcode_is_tidied(typed, tidy):
    assert normalise_postcode(typed) == tidy


@pytest.mark.parametrize("typed", ["ME4", "4TR ME4", "ME4 4T", "ME44 4TRX", "M E4 4TR!"])
def test_what_is_not_a_postcode_is_refused(typed):
    with pytest.raises(ValidationError, match="Enter a full UK postcode"):
        normalise_postcode(typed)


@pytest.mark.django_db
def test_the_longest_whole_prefix_wins(medway_site, west_kent_site):
    medway, west_kent = medway_site.root_page.specific, west_kent_site.root_page.specific
    PostcodeArea.objects.create(prefix="ME", place=west_kent)
    PostcodeArea.objects.create(prefix="ME1", place=medway)
    assert place_for_postcode("ME1 1AA") == medway
    assert place_for_postcode("ME10 1AB") == west_kent  # "ME1" is not part of "ME10"
    PostcodeArea.objects.create(prefix="ME10 1", place=medway)
    assert place_for_postcode("ME10 1AB") == medway
    assert place_for_postcode("TN1 1AA") is None
