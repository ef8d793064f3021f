"""Test browsers and what to ask of their responses, shared by the suite's conftests."""

from django.contrib.messages import get_messages
from django.test import Client


def signed_in(user=None, host="localhost"):
    """A test browser on ``host``, signed in as ``user`` if given."""
    client = Client(HTTP_HOST=host)
    if user is not None:
        client.force_login(user)
    return client


def assert_refused(response):
    """Wagtail's admin sends a refused person home with a "no permission" message."""
    assert response.status_code == 302, response.status_code
    assert response["Location"] == "/admin/"


def messages_of(response):
    """The texts of the messages a response queued for the next page."""
    return [str(message).strip() for message in get_messages(response.wsgi_request)]
