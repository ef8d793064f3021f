"""The moderators' forms: the queue's filters, a decision with its reason, and an idea's status."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Idea, Visibility


class DecisionForm(forms.Form):
    """A moderation decision; the reason is required and published in the board's log."""

    action = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason"),
        help_text=_("Published in the board's moderation log: do not name anyone."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Give the reason for your decision")},
    )

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = choices


class StatusForm(forms.Form):
    """Change an idea's status; "not taken forward" needs the reason, shown on the idea."""

    status = forms.ChoiceField(label=_("Status"), choices=Idea.Status.choices)
    reason = forms.CharField(
        label=_("Reason or update"),
        help_text=_(
            "Shown on the idea and emailed to its author and supporters. Required when it is "
            "not taken forward."
        ),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("status") == Idea.Status.NOT_TAKEN_FORWARD
            and not (cleaned.get("reason") or "").strip()
        ):
            self.add_error("reason", _("Say why the idea is not being taken forward"))
        return cleaned


class QueueFilterForm(forms.Form):
    """The moderation queue's filters (a GET form); ``boards`` are those the moderator
    moderates, so another site's board is not a valid choice."""

    q = forms.CharField(
        label=_("Search"),
        help_text=_("Words in an idea's title or description, or in a comment"),
        max_length=200,
        required=False,
    )
    board = forms.ModelChoiceField(
        label=_("Board"), queryset=None, required=False, empty_label=_("All boards")
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any status")), *Idea.Status.choices], required=False
    )
    visibility = forms.ChoiceField(
        label=_("Visibility"),
        choices=[("", _("Any visibility")), *Visibility.choices],
        required=False,
    )

    def __init__(self, *args, boards, sites=(), **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["board"]
        field.queryset = boards.order_by("title", "pk")
        if len(sites) > 1:
            # Boards on different sites may share a title: name each board's site too.
            roots = [(site.root_page.path, site.site_name or site.hostname) for site in sites]

            def label(board):
                site = next((name for path, name in roots if board.path.startswith(path)), "")
                return _("%(board)s (%(site)s)") % {"board": board.title, "site": site}

            field.label_from_instance = label

    def filters(self):
        """The valid filters chosen (an invalid one is left out, and shown as an error)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
