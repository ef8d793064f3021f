"""The built-in Chorus plugins: ``events``, ``grants``, ``timecredits`` and ``voting``.

Each sub-package is an ordinary Django app built on the public plugin API in
:mod:`chorus.plugins`, exactly as a third-party plugin would be. The framework itself lives
in ``site/chorus/plugins/``.
"""
