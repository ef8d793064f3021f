"""The end-of-grant monitoring report an applicant sends once, with photos or documents."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .. import uploads
from ..models import Attachment, MonitoringReport
from .fields import MultipleFileField


class MonitoringReportForm(forms.ModelForm):
    """What the grant made possible, how many people it reached, and any change of plan."""

    photos = MultipleFileField(
        label=_("Photos or documents"),
        help_text=_("%(types)s, up to %(size)s each, at most %(count)s files.")
        % {
            "types": uploads.accepted_list(),
            "size": uploads.human_size(uploads.MAX_BYTES),
            "count": uploads.MAX_FILES,
        },
    )

    class Meta:
        model = MonitoringReport
        fields = ["outcomes", "people_reached", "spent_as_planned", "changes"]
        widgets = {
            "outcomes": forms.Textarea(attrs={"rows": 6}),
            "changes": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "outcomes": {"required": _("Tell us what difference the grant made.")},
            "people_reached": {"required": _("Say how many people took part or benefited.")},
        }

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        self.application = application
        self.fields["photos"].widget.attrs["accept"] = uploads.accept_attribute()

    def clean_photos(self):
        files = self.cleaned_data.get("photos") or []
        self.checked_files = uploads.check_each(files)
        room = uploads.room_for(self.application, Attachment.Purpose.MONITORING)
        if len(files) > room:
            raise uploads.too_many_files(room)
        return files

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("spent_as_planned") is False and not (cleaned.get("changes") or "").strip():
            self.add_error(
                "changes", _("The money was not all spent as planned: tell us what changed.")
            )
        return cleaned
