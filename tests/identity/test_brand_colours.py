"""Brand colours are refused when text on them would be hard to read (WCAG AA, 4.5:1)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from chorus.identity.contrast import contrast_ratio
from chorus.identity.models import SiteIdentity

pytestmark = pytest.mark.django_db


def identity_for(site, **colours):
    identity = SiteIdentity.for_site(site)
    for name, value in colours.items():
        setattr(identity, name, value)
    return identity


def test_contrast_ratios_match_wcag():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#fff", "#fff") == pytest.approx(1)
    # Both orders give the same ratio.
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#ffffff", "#767676") == pytest.approx(4.54, abs=0.01)


def test_pale_brand_colour_is_refused_naming_the_ratio(medway_site):
    identity = identity_for(medway_site, brand_colour="#ffcc00", brand_text_colour="#ffffff")

    with pytest.raises(ValidationError) as refused:
        identity.full_clean()

    message = " ".join(refused.value.message_dict["brand_text_colour"])
    assert "contrast ratio of 1.51:1" in message
    assert "at least 4.5:1" in message


def test_brand_colour_too_pale_for_links_on_white_is_refused(medway_site):
    # White on #808080 is 3.94:1 (and so is #808080 on the white page).
    identity = identity_for(medway_site, brand_colour="#808080", brand_text_colour="#000000")

    with pytest.raises(ValidationError) as refused:
        identity.full_clean()

    assert "3.94:1" in " ".join(refused.value.message_dict["brand_colour"])


def test_colours_that_pass_are_saved_in_one_form(medway_site):
    identity = identity_for(medway_site, brand_colour="#5B2A86", brand_text_colour="#FFF")

    identity.full_clean()
    identity.save()

    identity.refresh_from_db()
    assert (identity.brand_colour, identity.brand_text_colour) == ("#5b2a86", "#ffffff")


def test_a_colour_that_is_not_hex_gets_a_clear_message(medway_site):
    identity = identity_for(medway_site, brand_colour="purple")

    with pytest.raises(ValidationError) as refused:
        identity.full_clean()

    assert refused.value.message_dict["brand_colour"] == [
        "Enter a colour as # followed by six hexadecimal digits."
    ]


def test_editor_sees_the_ratio_when_saving_colours_in_the_admin(admin_client, medway_site):
    url = reverse("wagtailsettings:edit", args=["identity", "siteidentity", medway_site.pk])
    form = admin_client.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(brand_colour="#ffcc00", brand_text_colour="#ffffff", organisation="Red Zebra")

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert "contrast ratio of 1.51:1" in response.content.decode()
    assert not SiteIdentity.objects.filter(site=medway_site, organisation="Red Zebra").exists()


def test_brand_stylesheet_carries_the_sites_colours(client, medway_site):
    identity = identity_for(medway_site, brand_colour="#5b2a86", brand_text_colour="#ffffff")
    identity.save()

    html = client.get("/", headers={"host": "medway-swale.localhost"}).content.decode()
    css = client.get("/brand.css", headers={"host": "medway-swale.localhost"})

    assert '<link rel="stylesheet" href="/brand.css?v=' in html
    assert css["Content-Type"].startswith("text/css")
    assert "--accent: #5b2a86;" in css.content.decode()
    assert "max-age=31536000" in css["Cache-Control"]


def test_default_colours_need_no_brand_stylesheet(client, medway_site):
    html = client.get("/", headers={"host": "medway-swale.localhost"}).content.decode()

    assert "brand.css" not in html
