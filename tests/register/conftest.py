"""The register tests' shared fixtures: each site's register team (``tests/register/staff.py``)."""

from tests.register.staff import team_of  # noqa: F401 (a fixture)
