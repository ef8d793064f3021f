"""Fixtures for the Easy Read tests: a charter and an assembly, the pages the demo explains."""

import pytest

from coproduction.factories import (
    AssemblyIndexPageFactory,
    AssemblyPageFactory,
    CharterPageFactory,
)


@pytest.fixture
def charter(network_site):
    """The network's co-production charter, at ``/charter/``."""
    return CharterPageFactory(parent=network_site.root_page, slug="charter")


@pytest.fixture
def assembly_index(medway_site):
    """The Medway and Swale site's "Assemblies" section."""
    return AssemblyIndexPageFactory(parent=medway_site.root_page, slug="assemblies")


@pytest.fixture
def assembly(assembly_index):
    """A health assembly that offers Easy Read materials."""
    return AssemblyPageFactory(
        parent=assembly_index, title="Medway health assembly", slug="health-assembly"
    )


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Pictures and their renditions go to a throwaway folder, never the checkout's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
