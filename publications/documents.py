"""How a download link describes its file: "PDF, 240 KB".

People on slow or metered connections, and people using screen readers, need to know what a
link will download before they follow it. Wagtail stores a document's size when it is
uploaded; the description never reads the file (that would cost a storage round trip).

    describe_document(document)  # "PDF, 240 KB"
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

#: Plain names for the file types editors may upload (settings.WAGTAILDOCS_EXTENSIONS).
FILE_TYPES = {
    "pdf": "PDF",
    "docx": _("Word document"),
    "odt": _("OpenDocument text"),
    "rtf": _("Rich text document"),
    "txt": _("Plain text"),
    "csv": _("CSV spreadsheet"),
    "xlsx": _("Excel spreadsheet"),
    "pptx": _("PowerPoint slides"),
    "key": _("Keynote slides"),
    "zip": _("ZIP archive"),
    "mp3": _("MP3 audio"),
}


def file_type(document):
    """Return the plain name of ``document``'s file type ("PDF", "Word document")."""
    extension = (document.file_extension or "").lower()
    return str(FILE_TYPES.get(extension, extension.upper() or _("File")))


def file_size(size):
    """Return ``size`` (bytes) as people read it: "900 bytes", "240 KB", "1.5 MB"."""
    if size < 1024:
        return ngettext("%(size)d byte", "%(size)d bytes", size) % {"size": size}
    if size < 1024 * 1024:
        return _("%(size)d KB") % {"size": round(size / 1024)}
    return _("%(size).1f MB") % {"size": size / (1024 * 1024)}


def describe_document(document):
    """Return "<type>, <size>" for ``document``, or only the type if its size is unknown."""
    if document.file_size is None:
        return file_type(document)
    return _("%(type)s, %(size)s") % {
        "type": file_type(document),
        "size": file_size(document.file_size),
    }
