"""Files in S3-compatible buckets (MEDIA_S3_BUCKET, PRIVATE_MEDIA_S3_BUCKET), as on several
app servers: a grant attachment goes to the private bucket and comes back only through the
view that checks who is asking; public media get plain, unsigned URLs.

The buckets are moto's S3 emulator, which answers boto3 the way S3 does.
"""

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.test import override_settings
from moto import mock_aws

from chorus.settings.storage import media_storage, private_storage
from plugins.grants.models import Attachment

from .test_attachments import PDF, download_url, post_files, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def buckets(monkeypatch, settings):
    monkeypatch.setenv("MEDIA_S3_BUCKET", "chorus-media")
    monkeypatch.setenv("PRIVATE_MEDIA_S3_BUCKET", "chorus-private")
    monkeypatch.setenv("S3_REGION", "eu-west-2")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    with mock_aws():
        s3 = boto3.client("s3", region_name="eu-west-2")
        for name in ("chorus-media", "chorus-private"):
            s3.create_bucket(
                Bucket=name, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
            )
        configured = {
            **settings.STORAGES,
            "default": media_storage(),
            "private": private_storage("unused"),
        }
        with override_settings(STORAGES=configured):
            # The attachment field took its storage when the model was defined, as it does
            # once at start-up in a deployment; point it at the reconfigured one.
            field = Attachment._meta.get_field("file")
            original, field.storage = field.storage, storages["private"]
            try:
                yield s3
            finally:
                field.storage = original


def test_an_attachment_is_kept_in_the_private_bucket_and_served_only_to_its_owner(
    buckets, applicant_client, draft, form_data, other_applicant, client
):
    post_files(applicant_client, draft, form_data, upload("constitution.pdf", PDF))
    attachment = Attachment.objects.get()

    stored = buckets.get_object(Bucket="chorus-private", Key=attachment.file.name)
    assert stored["Body"].read() == PDF
    assert buckets.list_objects_v2(Bucket="chorus-media").get("KeyCount") == 0

    response = applicant_client.get(download_url(attachment))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF

    client.force_login(other_applicant)
    assert client.get(download_url(attachment)).status_code == 404


def test_public_media_are_linked_without_an_expiring_signature(buckets):
    name = default_storage.save("images/hall.png", ContentFile(b"\x89PNG\r\n\x1a\n"))

    url = default_storage.url(name)

    assert url.startswith("https://chorus-media.s3")
    assert "Signature" not in url and "X-Amz" not in url
    assert buckets.get_object(Bucket="chorus-media", Key=name)["Body"].read().startswith(b"\x89PNG")
