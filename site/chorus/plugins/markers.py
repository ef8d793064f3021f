"""The pluggy markers: ``hookspec`` declares a Chorus hook, ``hookimpl`` implements one."""

import pluggy

PROJECT_NAME = "chorus"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)
