"""Where uploaded files live: folders on this machine, or S3-compatible buckets.

One machine keeps media and private files in folders (``MEDIA_ROOT``, ``PRIVATE_MEDIA_ROOT``).
Several app servers need storage they all share, so setting ``MEDIA_S3_BUCKET`` (and
``PRIVATE_MEDIA_S3_BUCKET``) moves each to a bucket through django-storages (the ``s3``
extra: ``pip install "chorus[s3]"``). Any S3-compatible service works: ``S3_ENDPOINT_URL``
names one that is not AWS (MinIO, Ceph, Scaleway, ...). Credentials come the usual boto3 way
(``AWS_ACCESS_KEY_ID`` and ``AWS_SECRET_ACCESS_KEY`` in the environment, or an instance role).
"""

from .env import env_str

FILE_SYSTEM = "django.core.files.storage.FileSystemStorage"
S3 = "storages.backends.s3.S3Storage"


def _bucket_options(bucket, **options):
    common = {
        "bucket_name": bucket,
        "endpoint_url": env_str("S3_ENDPOINT_URL") or None,
        "region_name": env_str("S3_REGION") or None,
        # Two uploads with one name never overwrite each other.
        "file_overwrite": False,
    }
    return {**common, **options}


def media_storage():
    """The storage for public media (images and documents shown on pages)."""
    bucket = env_str("MEDIA_S3_BUCKET")
    if not bucket:
        # In MEDIA_ROOT, read when the storage is first used (settings may still change it).
        return {"BACKEND": FILE_SYSTEM}
    return {
        "BACKEND": S3,
        "OPTIONS": _bucket_options(
            bucket,
            # Public media are linked from public pages: plain URLs, no expiring signatures.
            querystring_auth=False,
            custom_domain=env_str("MEDIA_S3_CUSTOM_DOMAIN") or None,
        ),
    }


def private_storage(private_root):
    """The storage for private files (sent with grant applications), never publicly linked."""
    bucket = env_str("PRIVATE_MEDIA_S3_BUCKET")
    if not bucket:
        return {
            "BACKEND": FILE_SYSTEM,
            "OPTIONS": {"location": str(private_root), "base_url": None},
        }
    # Chorus streams these through views that check who is asking; the bucket stays private.
    return {"BACKEND": S3, "OPTIONS": _bucket_options(bucket, default_acl="private")}
