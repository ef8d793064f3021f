"""The demo network: `manage.py seed_demo` builds Kent and Medway with its partnerships."""
