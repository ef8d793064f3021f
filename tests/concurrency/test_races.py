"""Sixteen people doing the same thing at the same moment leave exactly one row behind.

These need real concurrent transactions, so they run on PostgreSQL only::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/chorus_concurrency \\
        .venv/bin/pytest tests/concurrency -q -p no:xdist
"""

from django.test import Client

from chorus.plugins import enablement
from chorus.plugins.models import SitePlugin
from coproduction.factories import CharterPageFactory
from coproduction.models import CharterSignature
from partnerships.factories import PartnerOrganisationFactory

from .threads import ON_POSTGRESQL, THREADS, all_at_once

pytestmark = ON_POSTGRESQL

DUPLICATE = "Healthwatch Medway has already signed version 1.0 of this charter"


def test_sixteen_simultaneous_signatures_for_one_organisation_make_one_row(network_site):
    charter = CharterPageFactory(parent=network_site.root_page)
    healthwatch = PartnerOrganisationFactory(name="Healthwatch Medway", kind="healthwatch")
    sign_url = charter.url + "sign/"

    def sign(number):
        client = Client()
        response = client.post(
            sign_url,
            {
                "organisation": str(healthwatch.pk),
                "contact_name": f"Signer {number}",
                "contact_email": f"signer{number}@healthwatchmedway.example.org",
                "contact_role": "Chief Executive",
                "commitment": "We will bring what people tell us to every partnership board.",
                "authorised": "on",
            },
            headers={"host": "localhost"},
        )
        return response.status_code, response.content.decode()

    results = all_at_once(sign)

    assert CharterSignature.objects.filter(organisation=healthwatch).count() == 1
    statuses = sorted(status for status, _ in results)
    assert statuses == [200] * (THREADS - 1) + [302], statuses
    for status, html in results:
        if status == 200:
            assert DUPLICATE in html
            assert "Nothing new was saved." in html


def test_sixteen_simultaneous_switches_make_one_enabled_row(network_site):
    errors = []

    def switch_on(number):
        try:
            return enablement.enable("events", network_site)
        except Exception as error:  # every failure is reported below
            errors.append(repr(error))
            return None

    results = all_at_once(switch_on)

    assert errors == []
    rows = SitePlugin.objects.filter(site=network_site, plugin="events")
    assert rows.count() == 1
    assert rows.get().enabled
    # At least one call switched it on; none reports switching anything else.
    assert ["events"] in results
    assert all(result in (["events"], []) for result in results), results
    enablement.clear_cache(network_site.pk)
    assert enablement.is_enabled("events", network_site)
