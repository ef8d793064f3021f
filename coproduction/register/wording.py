"""The first version of each consent's wording, used until staff write another.

The words are stored with every consent given (``ConsentWording``), so changing them here
later never changes what an earlier person agreed to.
"""

from django.utils.translation import gettext_lazy as _

from coproduction.models.consent import Purpose

DEFAULT_WORDING = {
    Purpose.KEEP_INFORMED: _(
        "Send me bulletins and news about health and care where I live and the topics I "
        "chose. I can stop them at any time with the link in every email."
    ),
    Purpose.INVITATIONS: _(
        "Invite me to surveys, panels, assemblies and events. Saying yes to an invitation is "
        "always my choice."
    ),
    Purpose.CONTACT_FOR_ROLES: _(
        "Contact me about the roles I chose (community champion, expert by experience, "
        "community health researcher)."
    ),
    Purpose.EQUALITY_MONITORING: _(
        "Keep my equality monitoring answers so the network can check it hears from everyone. "
        "They are kept apart from my name, seen only by a few staff, and used only in "
        "statistics where no one can be picked out."
    ),
}
