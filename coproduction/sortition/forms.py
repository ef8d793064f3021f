"""The forms of selection by lot: volunteering (public, and recorded by staff), the quotas,
the seed, inviting a sample, and starting again."""

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduction.models import Volunteer
from coproduction.register.categories import AgeBand, Disability, EthnicGroup, Sex

#: The words a volunteer agrees to; stored, as shown to them, with their answers.
CONSENT_WORDING = _(
    "I agree that my answers to these questions are used for this assembly's draw by lot, "
    "and that they are published without my name, under a made-up id, in the anonymised "
    "pool that lets anyone check the draw. My name is never published. If I am chosen, the "
    "organisers will contact me about my place."
)


def _radios(choices, label, hint=""):
    return forms.ChoiceField(label=label, help_text=hint, choices=choices, widget=forms.RadioSelect)


class VolunteerForm(forms.Form):
    """What an invitee gives to join the pool; every question has "Prefer not to say"."""

    available = forms.BooleanField(
        label=_("I can come to every session of the assembly on the dates above"),
        error_messages={
            "required": _(
                "Tick the box to say you can come on the dates. If you cannot, choose "
                "“I do not want to take part” below."
            )
        },
    )
    place = forms.ChoiceField(
        label=_("Where do you live?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the area where you live.")},
    )
    age_band = forms.ChoiceField(
        label=_("What is your age?"),
        choices=[c for c in AgeBand.choices if c[0] != AgeBand.UNDER_16],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose your age group, or “Prefer not to say”.")},
    )
    sex = forms.ChoiceField(
        label=_("What is your sex?"),
        choices=Sex.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose your sex, or “Prefer not to say”.")},
    )
    ethnic_group = forms.ChoiceField(
        label=_("What is your ethnic group?"),
        choices=EthnicGroup.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose your ethnic group, or “Prefer not to say”.")},
    )
    disability = forms.ChoiceField(
        label=_(
            "Do you have a physical or mental health condition or illness lasting or expected "
            "to last 12 months or more that reduces your ability to carry out day-to-day "
            "activities?"
        ),
        choices=Disability.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose an answer, or “Prefer not to say”.")},
    )
    consent = forms.BooleanField(
        label=CONSENT_WORDING,
        error_messages={"required": _("Tick the box to agree, or we cannot put you in the draw.")},
    )

    def __init__(self, *args, places, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].choices = [(str(place.pk), place.title) for place in places]


class StaffVolunteerForm(VolunteerForm):
    """A volunteer taken on paper or by phone: staff choose the person and how."""

    person = forms.ModelChoiceField(
        label=_("Person on the register"), queryset=None, widget=forms.Select
    )
    method = forms.ChoiceField(
        label=_("How they volunteered"),
        choices=[
            (Volunteer.Method.PHONE, Volunteer.Method.PHONE.label),
            (Volunteer.Method.PAPER, Volunteer.Method.PAPER.label),
        ],
        widget=forms.RadioSelect,
    )

    field_order = ["person", "method"]

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["consent"].label = _(
            "They agreed to these words, read to them or on the paper form: “%(wording)s”"
        ) % {"wording": CONSENT_WORDING}


class InviteForm(forms.Form):
    """How many people to invite, and from where."""

    size = forms.IntegerField(label=_("How many people to invite"), min_value=1, max_value=20000)
    places = forms.MultipleChoiceField(
        label=_("From these places"), widget=forms.CheckboxSelectMultiple
    )
    stratified = forms.BooleanField(
        label=_("Invite from each place in proportion to the people who can be invited there"),
        required=False,
    )

    def __init__(self, *args, places, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["places"].choices = [(str(place.pk), place.title) for place in places]


class SeedForm(forms.Form):
    """The seed, fixed in public before the draw."""

    seed = forms.CharField(
        label=_("Seed"),
        max_length=200,
        help_text=_(
            "Exactly as it will be published, e.g. “4 11 23 38 45 49” or the number your "
            "witness called. Anyone re-running the draw types it exactly like this."
        ),
    )
    description = forms.CharField(
        label=_("Where the seed comes from"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "e.g. “The main numbers of the National Lottery draw on Saturday 9 January "
            "2027, in the order drawn, as chosen at our meeting of 1 December”."
        ),
    )


class StartAgainForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the draw being made again?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("This is kept in the draw's history."),
    )


class PanelForm(forms.Form):
    """The panel's size and reserves; the quotas come from the quota fields named
    ``<dimension>__<category>__min`` and ``__max`` (see ``admin_views``)."""

    size = forms.IntegerField(label=_("Panel size"), min_value=1, max_value=1000)
    reserves = forms.IntegerField(label=_("Reserves"), min_value=0, max_value=1000)
