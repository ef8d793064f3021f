"""Supporters choose to hear what partners do about an idea ("You said, we did")."""

import pytest
from django.urls import reverse

from plugins.ideas.models import Support

from .conftest import link_in

pytestmark = pytest.mark.django_db


def test_the_support_form_offers_to_keep_the_supporter_posted(visitor, idea):
    page = visitor.get(reverse("ideas:idea", args=[idea.pk]))

    assert "Tell me what partners do about this idea" in page.text


def test_a_signed_in_supporter_asks_to_be_kept_posted(priya_browser, idea):
    priya_browser.post(reverse("ideas:support", args=[idea.pk]), {"hear_about_progress": "on"})

    assert Support.objects.get(idea=idea).hear_about_progress is True


def test_a_supporter_by_email_is_kept_posted_once_they_confirm(visitor, idea, mailoutbox):
    url = reverse("ideas:support", args=[idea.pk])
    visitor.post(url, {"email": "ken@example.org", "hear_about_progress": "on"})
    visitor.post(url, {"email": "jo@example.org"})

    visitor.post(link_in(mailoutbox[0]), {})
    visitor.post(link_in(mailoutbox[1]), {})

    kept = dict(Support.objects.values_list("email", "hear_about_progress"))
    assert kept == {"ken@example.org": True, "jo@example.org": False}
