"""chorus.common.rate_limits: a sliding window per key, in the shared cache."""

from unittest import mock

from chorus.common.rate_limits import RateLimit


def test_a_key_is_refused_after_the_limit_until_the_window_moves_on():
    limit = RateLimit("test", limit=2, seconds=60)
    with mock.patch("chorus.common.rate_limits.time.time", return_value=1000.0):
        limit.note("192.0.2.1")
        assert not limit.exceeded("192.0.2.1")
        limit.note("192.0.2.1")
        assert limit.exceeded("192.0.2.1")
        assert not limit.exceeded("192.0.2.2")
    with mock.patch("chorus.common.rate_limits.time.time", return_value=1061.0):
        assert not limit.exceeded("192.0.2.1")


def test_keys_are_hashed_and_names_kept_apart():
    first, second = RateLimit("one", 1, 60), RateLimit("two", 1, 60)
    first.note("192.0.2.1")
    assert first.exceeded("192.0.2.1") and not second.exceeded("192.0.2.1")
    assert "192.0.2.1" not in first._key("192.0.2.1")
