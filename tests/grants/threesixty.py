"""Validate data against the published 360Giving schemas, offline.

The schemas live beside the checkout in ``../shared/standards/360giving/``. The package
schema refers to the grant schema by its published address (``.../1.4.2/...``), while the
grant schema names itself ``.../1.4.3/...``; both addresses are served from the local file
through a ``referencing`` registry, so nothing is fetched.

Date fields in the schema are ``oneOf`` a full date-time and a ``YYYY-MM-DD`` pattern, so a
plain date is valid only when the ``date-time`` format is actually checked (otherwise it
matches both branches). jsonschema checks that format only with an optional package, so
this module checks it itself, as 360Giving's own validator does (RFC 3339).
"""

import json
import re
from datetime import datetime
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry
from referencing.jsonschema import DRAFT202012

REPO = Path(__file__).resolve().parents[2]
SCHEMAS = REPO.parent / "shared" / "standards" / "360giving"
PACKAGE_SCHEMA = SCHEMAS / "360-giving-package-schema.json"
GRANT_SCHEMA = SCHEMAS / "360-giving-schema.json"

RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})")


def _require_schemas():
    if not PACKAGE_SCHEMA.is_file() or not GRANT_SCHEMA.is_file():
        pytest.skip(f"The 360Giving schemas are not at {SCHEMAS} (../shared is absent).")


def grant_schema():
    """The grant schema as a dict (skips the test when ../shared is absent)."""
    _require_schemas()
    return json.loads(GRANT_SCHEMA.read_text())


def format_checker():
    checker = FormatChecker()

    @checker.checks("date-time", raises=ValueError)
    def is_date_time(value):
        if not isinstance(value, str):
            return True
        if not RFC3339.fullmatch(value):
            return False
        datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
        return True

    return checker


def package_validator():
    """A validator for 360Giving data packages (skips the test when ../shared is absent)."""
    _require_schemas()
    package = json.loads(PACKAGE_SCHEMA.read_text())
    grant = json.loads(GRANT_SCHEMA.read_text())
    resource = DRAFT202012.create_resource(grant)
    referenced = package["properties"]["grants"]["items"]["$ref"]
    registry = Registry().with_resources([(referenced, resource), (grant["$id"], resource)])
    return Draft202012Validator(package, registry=registry, format_checker=format_checker())


def assert_valid_package(data):
    """Fail with every schema error when ``data`` is not a valid 360Giving package."""
    errors = sorted(package_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(
        f"{'/'.join(map(str, error.absolute_path)) or '(package)'}: {error.message}"
        for error in errors
    )


def csv_title(path):
    """The 360Giving column title the grant schema gives a field path (``("id",)`` etc.)."""
    schema = grant_schema()
    field = schema["properties"][path[0]]
    if "$ref" in field:  # e.g. currency, defined once under $defs
        field = schema["$defs"][field["$ref"].rsplit("/", 1)[1]]
    title = field["title"]
    if len(path) == 1:
        return title
    definition = field["items"]["$ref"].rsplit("/", 1)[1]
    return f"{title}:{schema['$defs'][definition]['properties'][path[-1]]['title']}"
