"""Who may send a bulletin, and who may download the addresses of the people sent it by post.

Sending needs permission to publish the bulletin page (Wagtail's page permissions, so a
partnership's editors send their own site's bulletins). The mail-merge file holds postal
addresses: it also needs "Can export contact lists" (``coproduction.export_people``).
"""

from django.core.exceptions import PermissionDenied

EXPORT_PERMISSION = "coproduction.export_people"


def can_send(user, bulletin):
    return bulletin.permissions_for_user(user).can_publish()


def can_export(user, bulletin):
    return can_send(user, bulletin) and user.has_perm(EXPORT_PERMISSION)


def check_send(user, bulletin):
    if not can_send(user, bulletin):
        raise PermissionDenied
