"""On a real server (``chorus.wsgi``) a stored page is answered before Django handles the
request: no middleware, no URL resolving, no request signals. Requests are made here the way
gunicorn makes them, as WSGI calls, and the Django application behind the wrapper counts
the requests that reach it."""

import pytest
from django.core.cache.backends.redis import RedisCache
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory

from chorus.caching.generation import GENERATION_KEY
from chorus.caching.wsgi import StoredPageApplication
from tests.services import redis_is_running

pytestmark = pytest.mark.django_db

MEDWAY = "medway-swale.localhost"


@pytest.fixture(autouse=True)
def server_page_cache(settings):
    settings.CHORUS_SERVER_PAGE_CACHE = True


class CountingDjango:
    """Django's WSGI application, counting the requests it handles.

    Like Django's test client, it keeps the test's database connection open across the
    request (a server closes old connections when a request starts and finishes).
    """

    def __init__(self):
        self.handler = WSGIHandler()
        self.handled = 0

    def __call__(self, environ, start_response):
        self.handled += 1
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            response = self.handler(environ, start_response)
            body = b"".join(response)
            response.close()
            return [body]
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)


@pytest.fixture
def django_app():
    return CountingDjango()


@pytest.fixture
def server(django_app):
    """Make one request as gunicorn would; return (status, headers, body)."""
    application = StoredPageApplication(django_app)

    def request(path="/", host=MEDWAY, method="get", **headers):
        environ = getattr(RequestFactory(), method)(path, HTTP_HOST=host, **headers).environ
        answer = {}

        def start_response(status, response_headers, exc_info=None):
            answer["status"], answer["headers"] = status, dict(response_headers)

        body = b"".join(application(environ, start_response))
        return answer["status"], answer["headers"], body

    return request


def test_the_second_visitor_gets_the_stored_page_without_django(server, django_app, medway_site):
    status, headers, body = server()
    assert status == "200 OK" and headers["X-Chorus-Cache"] == "miss"
    assert django_app.handled == 1

    again_status, again_headers, again_body = server()

    assert django_app.handled == 1
    assert again_status == "200 OK"
    assert again_headers["X-Chorus-Cache"] == "hit"
    assert again_body == body
    # Stored with every header it was first served with: security headers and the policy.
    assert again_headers["X-Content-Type-Options"] == "nosniff"
    assert "script-src 'self'" in again_headers["Content-Security-Policy"]
    assert "s-maxage=" in again_headers["Cache-Control"]


def test_head_gets_the_headers_only(server, django_app, medway_site):
    _, _, body = server()

    status, headers, head_body = server(method="head")

    assert django_app.handled == 1
    assert status == "200 OK" and head_body == b""
    assert headers["Content-Length"] == str(len(body))


def test_a_visitor_with_a_session_goes_to_django(server, django_app, medway_site):
    server()

    status, headers, _ = server(HTTP_COOKIE="sessionid=abc")

    assert django_app.handled == 2
    assert status == "200 OK" and "X-Chorus-Cache" not in headers


def test_a_publish_sends_the_next_visitor_to_django(server, django_app, medway_site):
    server()
    home = medway_site.root_page.specific
    home.title = "Medway and Swale Partnership"
    home.save_revision().publish()

    status, headers, body = server()

    assert django_app.handled == 2
    assert headers["X-Chorus-Cache"] == "miss"
    assert "Medway and Swale Partnership</h1>" in body.decode()


def test_another_host_never_gets_this_hosts_page(server, django_app, medway_site):
    server()

    status, headers, _ = server(host="elsewhere.example.org")

    assert django_app.handled == 2
    assert status.startswith("404") and "X-Chorus-Cache" not in headers


def test_switched_off_every_request_goes_to_django(server, django_app, medway_site, settings):
    settings.CHORUS_SERVER_PAGE_CACHE = False
    server()
    server()

    assert django_app.handled == 2


def test_switching_the_cache_off_after_a_hit_sends_visitors_to_django(
    server, django_app, medway_site, settings
):
    server()
    server()
    settings.CHORUS_SERVER_PAGE_CACHE = False

    status, headers, _ = server()

    assert django_app.handled == 2
    assert status == "200 OK" and "X-Chorus-Cache" not in headers


def test_a_host_that_is_not_allowed_goes_to_django_every_time(
    server, django_app, medway_site, settings
):
    settings.ALLOWED_HOSTS = [".localhost"]
    for _ in range(2):
        status, headers, _ = server(host="attacker.example.com:81")
        assert status.startswith("400") and "X-Chorus-Cache" not in headers

    assert django_app.handled == 2


def test_behind_a_tls_proxy_http_and_https_are_stored_apart(
    server, django_app, medway_site, settings
):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    server(HTTP_X_FORWARDED_PROTO="https")

    _, plain_headers, _ = server(HTTP_X_FORWARDED_PROTO="http")
    _, secure_headers, _ = server(HTTP_X_FORWARDED_PROTO="https")

    assert plain_headers["X-Chorus-Cache"] == "miss"
    assert secure_headers["X-Chorus-Cache"] == "hit"
    assert django_app.handled == 2


@pytest.mark.skipif(not redis_is_running(), reason="no Redis on 127.0.0.1:6379")
def test_with_redis_a_bump_by_another_process_reaches_the_next_hit(
    server, django_app, medway_site, settings
):
    """The hit path reads the generation with its own Redis client; a bump written by another
    process's Django cache is seen on the very next request."""
    location = "redis://127.0.0.1:6379/12"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": "chorus-test",
        }
    }
    another_process = RedisCache(location, {"KEY_PREFIX": "chorus-test"})
    try:
        server()
        status, headers, _ = server()
        assert headers["X-Chorus-Cache"] == "hit" and django_app.handled == 1

        another_process.set(GENERATION_KEY, "published-elsewhere", 60)
        status, headers, _ = server()

        assert status == "200 OK" and headers["X-Chorus-Cache"] == "miss"
        assert django_app.handled == 2
        assert another_process.get(GENERATION_KEY) == "published-elsewhere"
    finally:
        another_process.clear()
