"""The plugins' parts of the demo, found through ``chorus_register_demo_sections``.

Each installed plugin is asked for its sections on its own, so that a plugin's sections
are built after those of the plugins it requires (the events a plugin needs are there
before it runs), and so that each section is switched on under its own plugin's name.
"""

from graphlib import TopologicalSorter

from chorus.plugins import DemoContext, enablement
from chorus.plugins.manager import get_manager, installed_plugins

HOOK = "chorus_register_demo_sections"


def requirements_first() -> list[str]:
    """Return every installed plugin's name, each after the plugins it requires."""
    graph = {name: meta.requires for name, meta in installed_plugins().items()}
    return list(TopologicalSorter(graph).static_order())


def plugin_sections():
    """Yield ``(plugin name, DemoSection)`` for every installed plugin, requirements first."""
    manager = get_manager()
    for name in requirements_first():
        plugin = manager.get_plugin(name)
        if plugin is None:  # a plugin without Chorus hooks
            continue
        others = [other for other in manager.get_plugins() if other is not plugin]
        for sections in manager.subset_hook_caller(HOOK, remove_plugins=others)():
            for section in sections:
                yield name, section


def build_plugin_sections(context: DemoContext) -> list[str]:
    """Switch each plugin on for its sections' sites, build them; return their summary lines."""
    sites = {context.network.hostname: context.network, **context.sites}
    lines = []
    for name, section in plugin_sections():
        for hostname in section.hostnames:
            enablement.enable(name, sites[hostname])
        lines.extend(section.build(context))
    return lines
