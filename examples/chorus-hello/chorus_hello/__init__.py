"""chorus-hello: the smallest useful Chorus plugin, a greeting at ``/plugins/hello/``."""

__version__ = "1.2.0"
