"""The system checks itself: every hook is documented, explained by example and tested."""

import inspect
import re
from pathlib import Path

import pytest

from plugins import hookspecs

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs" / "plugins.md"
TESTS = REPO / "tests"

HOOKS = sorted(
    name
    for name, function in vars(hookspecs).items()
    if inspect.isfunction(function) and hasattr(function, "chorus_spec")
)


def signature(name):
    """The heading a hook has in the reference: its name and parameters, as called."""
    parameters = inspect.signature(getattr(hookspecs, name)).parameters
    return f"{name}({', '.join(parameters)})"


def test_there_are_hooks_to_check():
    assert "chorus_register_urls" in HOOKS and len(HOOKS) >= 6


@pytest.mark.parametrize("name", HOOKS)
def test_every_hook_is_documented_with_its_signature_as_a_heading(name):
    headings = re.findall(r"^#{2,4} `?([^`\n]+?)`?\s*$", DOCS.read_text(), flags=re.MULTILINE)
    assert signature(name) in headings, f"docs/plugins.md needs a heading `{signature(name)}`"


@pytest.mark.parametrize("name", HOOKS)
def test_every_hook_spec_has_a_docstring_with_an_example(name):
    doc = inspect.getdoc(getattr(hookspecs, name)) or ""
    assert "Example::" in doc, f"{name}'s docstring needs an Example"
    assert f"def {name}(" in doc, f"{name}'s example should implement the hook"


def test_every_hook_is_exercised_by_at_least_one_test():
    # The test plugin implements every hook, so only test modules count as exercising one.
    sources = "\n".join(
        path.read_text() for path in TESTS.rglob("test_*.py") if path.name != Path(__file__).name
    )
    untested = [name for name in HOOKS if name not in sources]
    assert not untested, f"hooks that no test exercises: {', '.join(untested)}"
