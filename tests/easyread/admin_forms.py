"""The Easy Read page form as the Wagtail editor posts it."""

from wagtail.test.utils.form_data import nested_form_data, streamfield


def idea_form(sentence):
    """One picture-and-sentence block as the editor's form posts it (no picture)."""
    return (
        "idea",
        {"picture": {"image": "", "alt_text": "", "decorative": ""}, "sentence": sentence},
    )


def page_form(title, *sentences, publish=False):
    """The whole form of an Easy Read page with one block per sentence (``publish``: publish it)."""
    data = nested_form_data(
        {
            "title": title,
            "slug": "easy-read",
            "body": streamfield([idea_form(sentence) for sentence in sentences]),
        }
    )
    if publish:
        data["action-publish"] = "action-publish"
    return data
