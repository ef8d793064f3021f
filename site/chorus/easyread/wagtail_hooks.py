"""Wagtail admin glue for Easy Read: flag long sentences when an editor saves, and as they type."""

from django.templatetags.static import static
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin import messages

from .models import EasyReadPage
from .sentences import MAX_WORDS, long_sentences


def warn_about_long_sentences(request, page):
    """Add a warning listing each sentence over ``MAX_WORDS`` words on an Easy Read page.

    The page is saved all the same: the warning asks the editor to look again, it does not
    stop them. Runs after a page is created or edited (draft or published).
    """
    if not isinstance(page, EasyReadPage):
        return
    found = long_sentences(page.sentences())
    if not found:
        return
    heading = ngettext(
        "Easy Read sentences should be %(max)d words or fewer. This sentence is longer:",
        "Easy Read sentences should be %(max)d words or fewer. These sentences are longer:",
        len(found),
    ) % {"max": MAX_WORDS}
    items = format_html_join(
        "",
        "<li>{} <strong>({})</strong></li>",
        (
            (
                sentence.text,
                ngettext("%(count)d word", "%(count)d words", sentence.words)
                % {"count": sentence.words},
            )
            for sentence in found
        ),
    )
    messages.warning(
        request,
        format_html(
            '{}<ul class="easy-read-long-sentences">{}</ul>{}',
            heading,
            items,
            _("Split each into shorter sentences, one idea each."),
        ),
    )


@hooks.register("after_create_page")
def warn_after_create(request, page):
    """Flag long sentences on a new Easy Read page (see ``warn_about_long_sentences``)."""
    warn_about_long_sentences(request, page)


@hooks.register("after_edit_page")
def warn_after_edit(request, page):
    """Flag long sentences on an edited Easy Read page (see ``warn_about_long_sentences``)."""
    warn_about_long_sentences(request, page)


@hooks.register("insert_editor_js")
def long_sentence_marker_js():
    """Mark Easy Read sentence fields over the word limit while the editor types."""
    return format_html(
        '<script src="{}" data-max-words="{}" data-message="{}" defer></script>',
        static("easyread/js/long-sentences.js"),
        MAX_WORDS,
        # {count} and {max} are filled in by the script.
        _("This sentence has {count} words. Easy Read sentences have {max} words or fewer."),
    )
