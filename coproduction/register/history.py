"""The entries in a person's history (Wagtail log entries), and how each reads.

Entries hold field names, record numbers and choice codes, never the personal details
themselves, so erasing a person leaves nothing of them in their history but the entries.
"""

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter

from coproduction.models import Person
from coproduction.models.consent import Method, Purpose

EDIT_ACTION = "coproduction.person.edit"
SIGNUP_ACTION = "coproduction.person.signup"
CONSENT_ACTION = "coproduction.person.consent"
MERGE_ACTION = "coproduction.person.merge"
MERGED_ACTION = "coproduction.person.merged"
ERASE_ACTION = "coproduction.person.erase"

#: Form fields that are not model fields, with their labels.
EXTRA_LABELS = {"roles": _("roles")}


def field_label(name):
    """The label of a ``Person`` field (or of the form's ``roles``)."""
    if name in EXTRA_LABELS:
        return str(EXTRA_LABELS[name])
    try:
        return str(Person._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


class EditFormatter(LogFormatter):
    label = _("Edit person")

    def format_message(self, log_entry):
        fields = ", ".join(field_label(name) for name in log_entry.data.get("fields", []))
        return _("Changed: %(fields)s") % {"fields": fields}


class SignupFormatter(LogFormatter):
    label = _("Record a sign-up")

    def format_message(self, log_entry):
        method = Person.Source(log_entry.data.get("method", "phone")).label
        if log_entry.data.get("updated"):
            return _("Sign-up recorded (%(method)s) on an existing record") % {"method": method}
        return _("Sign-up recorded (%(method)s)") % {"method": method}


class ConsentFormatter(LogFormatter):
    label = _("Record consent")

    def format_message(self, log_entry):
        data = log_entry.data
        values = {
            "purpose": Purpose(data["purpose"]).label,
            "method": Method(data["method"]).label,
        }
        if data.get("granted"):
            return _("Consent given: %(purpose)s (%(method)s)") % values
        return _("Consent withdrawn: %(purpose)s (%(method)s)") % values


class MergeFormatter(LogFormatter):
    label = _("Merge records")

    def format_message(self, log_entry):
        data = log_entry.data
        message = _("Record %(number)s merged into this one") % {"number": data.get("merged")}
        if data.get("filled"):
            filled = ", ".join(field_label(name) for name in data["filled"])
            message = _("%(message)s; copied: %(fields)s") % {
                "message": message,
                "fields": filled,
            }
        return message


class MergedFormatter(LogFormatter):
    label = _("Merged into another record")

    def format_message(self, log_entry):
        return _("Merged into record %(number)s") % {"number": log_entry.data.get("into")}


def register(actions):
    """Register the register's log actions (called from ``register_log_actions``)."""
    actions.register_action(EDIT_ACTION)(EditFormatter)
    actions.register_action(SIGNUP_ACTION)(SignupFormatter)
    actions.register_action(CONSENT_ACTION)(ConsentFormatter)
    actions.register_action(MERGE_ACTION)(MergeFormatter)
    actions.register_action(MERGED_ACTION)(MergedFormatter)
    actions.register_action(ERASE_ACTION, _("Erase personal data"), _("Personal data erased"))
