"""The surveys plugin's Chorus hook implementations (called only where surveys is on)."""

from chorus.plugins import DemoSection, hookimpl


@hookimpl
def chorus_register_demo_sections():
    """Medway and Swale's consultations: one open (English, Easy Read, Polish), one closed
    with its published response."""
    # Imported here: the demo builds on factory-boy, which production does not install.
    from . import demo

    return [DemoSection(build=demo.build, hostnames=demo.HOSTNAMES)]
