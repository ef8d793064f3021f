"""Every HTML response carries a Content-Security-Policy: the public site's strict one, and
under /admin/ the admin's, which allows only what Wagtail's editing screens need."""

import pytest

from partnerships.factories import SpotlightIndexPageFactory

pytestmark = pytest.mark.django_db

MEDWAY = "medway-swale.localhost"
COOP = "sharing-care.localhost"


def policy(response):
    """The response's Content-Security-Policy as ``{directive: [sources]}``."""
    header = response.headers["Content-Security-Policy"]
    return {name: sources for name, *sources in (part.split() for part in header.split(";"))}


def assert_locked_down(directives):
    """What both policies share: nothing from elsewhere, no plugins, no framing by others."""
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'self'"]


@pytest.fixture
def sites(network_site, medway_site, coop_site, enable):
    """The network, Medway's site and the co-op's, with voting on for the co-op."""
    enable("voting", coop_site)


@pytest.mark.parametrize(
    ("hostname", "path"),
    [
        ("localhost", "/"),
        (MEDWAY, "/"),
        (MEDWAY, "/search/?q=carers"),
        (MEDWAY, "/account/sign-in/"),
        (MEDWAY, "/account/register/"),
        (COOP, "/plugins/voting/"),
        (MEDWAY, "/pl/"),
        (MEDWAY, "/no-such-page/"),
    ],
)
def test_public_pages_allow_scripts_and_styles_from_the_site_only(client, sites, hostname, path):
    response = client.get(path, headers={"host": hostname})

    assert response.status_code in (200, 404)
    assert response["Content-Type"].startswith("text/html")
    directives = policy(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["img-src"] == ["'self'", "data:"]
    assert_locked_down(directives)


@pytest.mark.parametrize("path", ["/admin/login/", "/admin/", "/admin/pages/"])
def test_admin_screens_have_the_admin_policy(admin_client, sites, path):
    response = admin_client.get(path, headers={"host": MEDWAY}, follow=True)

    assert response.status_code == 200
    directives = policy(response)
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-eval'" not in response.headers["Content-Security-Policy"]
    assert_locked_down(directives)


def test_a_page_preview_has_the_public_sites_policy(admin_client, sites, medway_site):
    # Wagtail renders a preview by passing a request for the page's own address through the
    # middleware, so an editor sees the page under the policy its visitors will get.
    index = SpotlightIndexPageFactory(parent=medway_site.root_page)

    response = admin_client.get(f"/admin/pages/{index.pk}/view_draft/", headers={"host": MEDWAY})

    assert response.status_code == 200
    assert "Reports on local community organisations" in response.text
    directives = policy(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert_locked_down(directives)


def test_media_and_embed_origins_come_from_the_environment():
    from importlib import reload

    import chorus.settings.base as base

    with pytest.MonkeyPatch.context() as env:
        env.setenv("CSP_MEDIA_ORIGINS", "https://media.example.org")
        env.setenv("CSP_FRAME_ORIGINS", "https://video.example.org")
        directives = reload(base).CONTENT_SECURITY_POLICY["DIRECTIVES"]
    reload(base)

    assert directives["img-src"] == ["'self'", "data:", "https://media.example.org"]
    assert directives["frame-src"] == ["'self'", "https://video.example.org"]
