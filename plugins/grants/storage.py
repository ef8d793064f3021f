"""Where application files live: the ``private`` storage, which has no public URL. This
module stays because the grants migrations name ``plugins.grants.storage.private_storage``."""

from chorus.common.storage import private_storage

__all__ = ["private_storage"]
