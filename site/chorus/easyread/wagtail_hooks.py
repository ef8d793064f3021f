"""Wagtail admin glue for Easy Read: a page's "Add/Edit Easy Read version" button, and long
sentences flagged when an editor saves and as they type."""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.widgets import Button

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


@hooks.register("register_page_header_buttons")
def easy_read_version_button(page, user, view_name, next_url=None):
    """Offer "Add Easy Read version", or "Edit Easy Read version", in a page's header menu."""
    if page.is_root() or page.specific_class is EasyReadPage:
        return
    version = EasyReadPage.objects.child_of(page).first()
    if version is not None:
        if version.permissions_for_user(user).can_edit():
            url = reverse("wagtailadmin_pages:edit", args=[version.pk])
            yield Button(_("Edit Easy Read version"), url, icon_name="doc-full", priority=75)
    elif EasyReadPage.can_create_at(page) and page.permissions_for_user(user).can_add_subpage():
        url = reverse("wagtailadmin_pages:add", args=["easyread", "easyreadpage", page.pk])
        yield Button(_("Add Easy Read version"), url, icon_name="doc-full", priority=75)
