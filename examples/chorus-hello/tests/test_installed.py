"""The hello plugin is installed: Chorus found it through its entry point.

Run from the root of a Chorus checkout (its pytest settings apply), with this
distribution installed::

    pip install ./examples/chorus-hello
    pytest examples/chorus-hello/tests
"""

from importlib.metadata import entry_points

from django.apps import apps

from chorus.plugins.discovery import ENTRY_POINT_GROUP
from chorus.plugins.manager import get_plugin


def test_hello_declares_the_chorus_entry_point():
    names = {ep.name: ep.value for ep in entry_points(group=ENTRY_POINT_GROUP)}
    assert names["hello"] == "chorus_hello"


def test_hello_is_an_installed_chorus_plugin():
    assert apps.is_installed("chorus_hello")
    meta = get_plugin("hello")
    assert meta.version == "1.2.0"
    assert str(meta.verbose_name) == "Hello"
