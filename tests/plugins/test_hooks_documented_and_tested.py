"""The system checks itself: every hook is documented, explained by example and tested."""

import inspect
import re
from pathlib import Path

import pytest

from chorus.plugins.manager import get_manager

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs" / "plugins.md"
TESTS = REPO / "tests"

# Every spec the manager knows: the framework's and those the installed plugins declare.
SPECS = {
    name: caller.spec.function
    for name, caller in vars(get_manager().hook).items()
    if getattr(caller, "spec", None) is not None
}
HOOKS = sorted(SPECS)


def signature(name):
    """The heading a hook has in the reference: its name and parameters, as called."""
    parameters = inspect.signature(SPECS[name]).parameters
    return f"{name}({', '.join(parameters)})"


def test_there_are_hooks_to_check():
    assert "chorus_register_urls" in HOOKS and len(HOOKS) >= 6


def test_plugins_declare_their_own_hooks_and_the_framework_only_its_own():
    from chorus.plugins import hookspecs

    assert SPECS["chorus_on_grant_awarded"].__module__ == "plugins.grants.hookspecs"
    assert SPECS["chorus_on_ballot_closed"].__module__ == "plugins.voting.hookspecs"
    assert not hasattr(hookspecs, "chorus_on_grant_awarded")


@pytest.mark.parametrize("name", HOOKS)
def test_every_hook_is_documented_with_its_signature_as_a_heading(name):
    headings = re.findall(r"^#{2,4} `?([^`\n]+?)`?\s*$", DOCS.read_text(), flags=re.MULTILINE)
    assert signature(name) in headings, f"docs/plugins.md needs a heading `{signature(name)}`"


@pytest.mark.parametrize("name", HOOKS)
def test_every_hook_spec_has_a_docstring_with_an_example(name):
    doc = inspect.getdoc(SPECS[name]) or ""
    assert "Example::" in doc, f"{name}'s docstring needs an Example"
    assert f"def {name}(" in doc, f"{name}'s example should implement the hook"


def test_every_hook_is_exercised_by_at_least_one_test():
    # The test plugin implements every hook, so only test modules count as exercising one.
    sources = "\n".join(
        path.read_text() for path in TESTS.rglob("test_*.py") if path.name != Path(__file__).name
    )
    untested = [name for name in HOOKS if name not in sources]
    assert not untested, f"hooks that no test exercises: {', '.join(untested)}"
