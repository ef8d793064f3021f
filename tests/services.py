"""Whether the local services some tests need are reachable (those tests skip otherwise)."""

import socket


def redis_is_running(host="127.0.0.1", port=6379):
    """Whether a Redis server accepts connections on ``host``:``port``."""
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False
