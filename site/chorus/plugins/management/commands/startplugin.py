"""`manage.py startplugin NAME --dir PATH`: make a new plugin as its own distribution.

The files come from ``chorus/plugins/plugin_template/``. Each ends in ``-tpl`` (so that
nothing there is mistaken for part of Chorus by Python, pytest or ruff) and holds
``$placeholders`` filled in by :class:`string.Template`, in paths as in contents. Django's
own ``startapp`` machinery is not used: it renders templates with Django's template engine,
which would need every ``{% tag %}`` in the plugin's HTML templates escaped, and it insists
that the target folder already exists and is named like a Python module.
"""

import keyword
import re
from importlib.util import find_spec
from pathlib import Path
from string import Template

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from packaging.version import Version

import chorus
from chorus.plugins.manager import installed_plugins

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "plugin_template"
TEMPLATE_SUFFIX = "-tpl"
# Short enough that the generated code keeps within ruff's line length.
NAME_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,29}")


def template_context(name):
    """Return the placeholders of the plugin template for the plugin called ``name``."""
    words = name.split("_")
    return {
        "name": name,
        "package": f"chorus_{name}",
        "distribution": f"chorus-{name.replace('_', '-')}",
        "camel": "".join(word.capitalize() for word in words),
        "title": " ".join(words).capitalize(),
        "requires_chorus": chorus_release_range(chorus.__version__),
    }


def chorus_release_range(version):
    """Return the releases a new plugin is made for: this one up to the next breaking one.

    Before 1.0 a minor release may break plugins (``0.1.3`` gives ``>=0.1,<0.2``); from
    1.0 on only a major one does (``1.4.0`` gives ``>=1.4,<2``).
    """
    release = Version(version)
    major, minor = release.major, release.minor
    upper = f"0.{minor + 1}" if major == 0 else str(major + 1)
    return f">={major}.{minor},<{upper}"


def validate_name(name):
    """Refuse a plugin name that is not a lowercase identifier or is taken already."""
    if not NAME_PATTERN.fullmatch(name) or keyword.iskeyword(name):
        raise CommandError(
            f"{name!r} is not a valid plugin name: use up to 30 lowercase letters, digits "
            "and underscores, starting with a letter (a Python identifier such as 'ideas' or "
            "'time_bank')."
        )
    if name in installed_plugins():
        raise CommandError(f"A plugin called {name!r} is installed already; choose another name.")
    package = template_context(name)["package"]
    labels = {config.label for config in apps.get_app_configs()}
    for taken in (name, package):
        if taken in labels:
            raise CommandError(
                f"{taken!r} is the label of an installed app ({apps.get_app_config(taken).name}); "
                "choose another plugin name."
            )
    if find_spec(package) is not None:
        raise CommandError(
            f"A Python package called {package!r} is importable already; choose another name."
        )


def render_plugin(name, target):
    """Write the plugin template for ``name`` into the new folder ``target``.

    Return the paths written, relative to ``target``.
    """
    context = template_context(name)
    written = []
    for source in sorted(TEMPLATE_DIR.rglob(f"*{TEMPLATE_SUFFIX}")):
        relative = Template(str(source.relative_to(TEMPLATE_DIR))).substitute(context)
        destination = target / relative.removesuffix(TEMPLATE_SUFFIX)
        destination.parent.mkdir(parents=True, exist_ok=True)
        text = Template(source.read_text(encoding="utf-8")).substitute(context)
        destination.write_text(text, encoding="utf-8")
        written.append(destination.relative_to(target))
    return written


class Command(BaseCommand):
    help = (
        "Make a new Chorus plugin as its own distribution: an entry point, an AppConfig with "
        "PluginMeta, a model and its migration, a page type, views under /plugins/NAME/, an "
        "admin screen, personal-data hooks and tests."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="the plugin's name, a lowercase identifier ('ideas')")
        parser.add_argument(
            "--dir",
            dest="directory",
            help="the folder to create for the distribution (default: ./chorus-NAME)",
        )

    def handle(self, *args, name, directory, **options):
        validate_name(name)
        target = Path(directory or template_context(name)["distribution"]).expanduser()
        if target.exists():
            raise CommandError(f"{target} exists already; startplugin only makes a new folder.")
        target.mkdir(parents=True)
        written = render_plugin(name, target)
        self.stdout.write(f"Made the plugin {name!r} in {target} ({len(written)} files).")
        self.stdout.write(
            "Next: pip install -e "
            f"{target}, restart Chorus, run migrate, then "
            f"`manage.py plugins enable {name} --site HOST`; test it with `pytest {target}/tests`."
        )
