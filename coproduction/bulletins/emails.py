"""The email a person gets: the version of the bulletin for them, a link to it on the web,
and a footer with their preferences and one-click unsubscribe links (RFC 8058 headers).

A send of 6,000 emails renders each version's email once per reader's language
(:class:`Renderer` keeps them), with placeholders where the person's links go; each person's
email is then that text with their two links put in.
"""

import html
import re

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags

from chorus.easyread.models import EasyReadPage
from chorus.identity.models import SiteIdentity
from coproduction.register.links import preferences_url, unsubscribe_headers

CONTENT_TEMPLATE = "coproduction/bulletins/email_content.html"
HTML_TEMPLATE = "coproduction/bulletins/email.html"
TEXT_TEMPLATE = "coproduction/bulletins/email.txt"
#: Stand-ins for each person's links in a rendered email: letters and dashes only, so HTML
#: escaping leaves them as they are.
PREFERENCES = "CHORUS-PREFERENCES-URL"
UNSUBSCRIBE = "CHORUS-UNSUBSCRIBE-URL"


def as_text(markup):
    """Readable plain text from HTML: tags dropped, entities decoded, blank runs squeezed."""
    text = html.unescape(strip_tags(re.sub(r"</(p|h\d|li|blockquote|div)>", "\n\n", markup)))
    lines = [line.strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


class Renderer:
    """Builds each person's email for one send of a bulletin on ``site``."""

    def __init__(self, site):
        self.site = site
        identity = SiteIdentity.read(site)
        self.reply_to = [identity.email] if identity.email else []
        self.site_name = site.site_name or site.hostname
        self._content = {}
        self._emails = {}

    def content(self, version):
        """``version``'s subject, HTML, text and web address, rendered once."""
        if version.pk not in self._content:
            with translation.override(version.locale.language_code):
                markup = render_to_string(
                    CONTENT_TEMPLATE,
                    {
                        "page": version,
                        "sentences": version.sentences()
                        if isinstance(version, EasyReadPage)
                        else None,
                    },
                )
            self._content[version.pk] = {
                "subject": version.title,
                "html": markup,
                "text": as_text(markup),
                "url": version.get_full_url(),
                "language": version.locale.language_code,
            }
        return self._content[version.pk]

    def rendered(self, version, language):
        """``version``'s subject, text and HTML bodies with the footer in ``language``, with
        placeholders for the reader's links; rendered once per version and language."""
        key = (version.pk, language)
        if key not in self._emails:
            content = self.content(version)
            context = {
                "content": content,
                "site_name": self.site_name,
                "preferences_url": PREFERENCES,
                "unsubscribe_url": UNSUBSCRIBE,
            }
            with translation.override(language):
                self._emails[key] = (
                    content["subject"],
                    render_to_string(TEXT_TEMPLATE, context),
                    render_to_string(HTML_TEMPLATE, context),
                )
        return self._emails[key]

    def message(self, person, version):
        """The email for ``person`` (who has an address) with ``version`` of the bulletin."""
        subject, text, markup = self.rendered(version, person.language)
        headers = unsubscribe_headers(person, self.site)
        links = {
            PREFERENCES: preferences_url(person, self.site),
            UNSUBSCRIBE: headers["List-Unsubscribe"].strip("<>"),
        }
        for placeholder, url in links.items():
            text = text.replace(placeholder, url)
            markup = markup.replace(placeholder, url)
        message = EmailMultiAlternatives(
            subject=subject,
            body=text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[person.email],
            reply_to=self.reply_to,
            headers=headers,
        )
        message.attach_alternative(markup, "text/html")
        return message
