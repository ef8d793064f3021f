"""Checking and storing the files applicants send: type, size, content and how many.

A file is accepted only when its extension is on the allow-list, it is no bigger than
:data:`MAX_BYTES`, and its first bytes are what that kind of file starts with, so an
``.exe`` renamed ``.pdf`` or a web page named ``.png`` is refused. Office documents are ZIP
files: for those the archive must also hold the parts that make it a Word, Excel or
OpenDocument file. The type recorded (and later served) is the one the check settled,
never the one the browser claimed. Files go to the private storage under a random name;
the name the applicant gave is kept, made safe, for display and download.
"""

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .models import Attachment

#: The largest file accepted, in bytes (5 MB).
MAX_BYTES = 5 * 1024 * 1024
#: How many files an application may hold for each purpose (supporting documents; report
#: photos), not counting files the applicant removed.
MAX_FILES = 10


@dataclass(frozen=True)
class FileKind:
    """One accepted kind of file: its MIME type and how to recognise its content."""

    content_type: str
    magic: bytes
    #: For ZIP-based office formats, a check of the archive's parts (``None`` for others).
    zip_check: object = None


def _has_parts(*prefixes):
    def check(archive):
        names = archive.namelist()
        return "[Content_Types].xml" in names and all(
            any(name.startswith(prefix) for name in names) for prefix in prefixes
        )

    return check


def _opendocument(mimetype):
    def check(archive):
        try:
            return archive.read("mimetype").strip() == mimetype.encode()
        except KeyError:
            return False

    return check


ZIP = b"PK\x03\x04"
KINDS = {
    "pdf": FileKind("application/pdf", b"%PDF-"),
    "png": FileKind("image/png", b"\x89PNG\r\n\x1a\n"),
    "jpg": FileKind("image/jpeg", b"\xff\xd8\xff"),
    "jpeg": FileKind("image/jpeg", b"\xff\xd8\xff"),
    "docx": FileKind(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ZIP,
        _has_parts("word/"),
    ),
    "xlsx": FileKind(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ZIP,
        _has_parts("xl/"),
    ),
    "odt": FileKind(
        "application/vnd.oasis.opendocument.text",
        ZIP,
        _opendocument("application/vnd.oasis.opendocument.text"),
    ),
    "ods": FileKind(
        "application/vnd.oasis.opendocument.spreadsheet",
        ZIP,
        _opendocument("application/vnd.oasis.opendocument.spreadsheet"),
    ),
}
#: The extensions accepted, for help text: "PDF, DOCX, …".
ALLOWED_EXTENSIONS = tuple(KINDS)
#: The photo formats a monitoring report may carry alongside documents.
IMAGE_EXTENSIONS = ("jpg", "jpeg", "png")


def accepted_list(extensions=ALLOWED_EXTENSIONS):
    """Return the accepted extensions for people to read, e.g. ``"PDF, DOCX, PNG"``."""
    return ", ".join(ext.upper() for ext in extensions)


def accept_attribute(extensions=ALLOWED_EXTENSIONS):
    """Return the ``accept`` attribute of a file input, e.g. ``".pdf,.docx"``."""
    return ",".join(f".{ext}" for ext in extensions)


def safe_filename(name: str) -> str:
    """Return ``name`` without any folders, control characters or risky punctuation.

    ``"../../etc/passwd"`` → ``"passwd"``; ``'Budget "final".pdf'`` → ``"Budget_final_.pdf"``.
    Letters in any alphabet are kept (Polish names stay readable).
    """
    name = unicodedata.normalize("NFC", name or "")
    name = re.split(r"[\\/]", name)[-1]
    name = re.sub(r"[^\w.\- ]+", "_", name).strip(" .")
    name = re.sub(r"\s+", " ", name)
    if not name:
        return "file"
    stem, dot, ext = name.rpartition(".")
    if dot and len(name) > 120:
        return f"{stem[: 119 - len(ext)]}.{ext}"
    return name[:120]


def _extension(name):
    stem, dot, ext = (name or "").rpartition(".")
    return ext.lower() if dot and stem else ""


def _read_head(uploaded, count):
    uploaded.seek(0)
    head = uploaded.read(count)
    uploaded.seek(0)
    return head


def check_upload(uploaded, extensions=ALLOWED_EXTENSIONS):
    """Check one uploaded file; return its :class:`FileKind`, or raise a ValidationError.

    The message names the file and says what is wrong and what is accepted.
    """
    name = safe_filename(uploaded.name)
    ext = _extension(name)
    if ext not in extensions:
        raise ValidationError(
            _("“%(name)s” is not a file type we accept. Please send %(types)s."),
            code="file_type",
            params={"name": name, "types": accepted_list(extensions)},
        )
    if uploaded.size > MAX_BYTES:
        raise ValidationError(
            _("“%(name)s” is %(size)s; files can be at most %(max)s."),
            code="file_size",
            params={"name": name, "size": human_size(uploaded.size), "max": human_size(MAX_BYTES)},
        )
    if uploaded.size == 0:
        raise ValidationError(_("“%(name)s” is empty."), code="file_empty", params={"name": name})
    kind = KINDS[ext]
    disguised = ValidationError(
        _(
            "“%(name)s” does not look like a real %(ext)s file, so we cannot accept it. "
            "Save it again as %(ext)s and upload that."
        ),
        code="file_content",
        params={"name": name, "ext": ext.upper()},
    )
    if not _read_head(uploaded, len(kind.magic)) == kind.magic:
        raise disguised
    if kind.zip_check is not None and not _zip_has_parts(uploaded, kind.zip_check):
        raise disguised
    return kind


def _zip_has_parts(uploaded, check):
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(io.BytesIO(uploaded.read())) as archive:
            return check(archive)
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        uploaded.seek(0)


def human_size(size: int) -> str:
    """Return a byte count for people: ``"5 MB"``, ``"240 KB"``."""
    if size >= 1024 * 1024:
        value = size / (1024 * 1024)
        return f"{value:.1f} MB".replace(".0 MB", " MB")
    return f"{max(1, round(size / 1024))} KB"


def room_for(application, purpose):
    """Return how many more files of ``purpose`` ``application`` may hold."""
    held = application.attachments.filter(purpose=purpose, removed_at__isnull=True).count()
    return max(0, MAX_FILES - held)


def check_each(files, extensions=ALLOWED_EXTENSIONS):
    """Check every upload in ``files``; return ``[(file, kind), …]`` ready for :func:`store`,
    or raise one ValidationError naming each file refused and why."""
    errors = []
    checked = []
    for uploaded in files:
        try:
            checked.append((uploaded, check_upload(uploaded, extensions)))
        except ValidationError as error:
            errors.append(error)
    if errors:
        raise ValidationError(errors)
    return checked


def too_many_files(room):
    """The error for a batch of files that would take an application past :data:`MAX_FILES`."""
    return ValidationError(
        _("An application can hold at most %(max)s files; you can add %(room)s more."),
        code="too_many_files",
        params={"max": MAX_FILES, "room": room},
    )


@transaction.atomic
def store(application, checked, purpose=Attachment.Purpose.SUPPORTING):
    """Save checked uploads as the application's attachments (random names, private storage)."""
    created = []
    for uploaded, kind in checked:
        attachment = Attachment(
            application=application,
            purpose=purpose,
            original_name=safe_filename(uploaded.name),
            content_type=kind.content_type,
            size=uploaded.size,
        )
        uploaded.seek(0)
        attachment.file.save("upload", uploaded, save=False)
        attachment.save()
        created.append(attachment)
    return created


def active_attachments(application, purpose=None):
    """The application's files that were not removed (optionally of one purpose)."""
    files = application.attachments.filter(removed_at__isnull=True)
    if purpose:
        files = files.filter(purpose=purpose)
    return files
