"""The hello plugin is installed: Chorus found it through its entry point.

Run with this distribution installed beside Chorus; Chorus's pytest plugin supplies the
test settings, so this works from any folder::

    pip install ./examples/chorus-hello
    pytest examples/chorus-hello/tests
"""

from importlib.metadata import entry_points

from django.apps import apps

from chorus.plugins import get_plugin


def test_hello_declares_the_chorus_entry_point():
    names = {ep.name: ep.value for ep in entry_points(group="chorus.plugins")}
    assert names["hello"] == "chorus_hello"


def test_hello_is_an_installed_chorus_plugin():
    assert apps.is_installed("chorus_hello")
    meta = get_plugin("hello")
    assert meta.version == "1.2.0"
    assert str(meta.verbose_name) == "Hello"
