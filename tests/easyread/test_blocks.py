"""The Easy Read blocks render, for visitors and in the editor's block previews."""

import pytest

from chorus.easyread.blocks import EasyReadBodyBlock

pytestmark = pytest.mark.django_db


def test_every_easy_read_block_renders_its_preview_value():
    for name, block in EasyReadBodyBlock().child_blocks.items():
        assert block.meta.icon, name
        html = block.render(block.get_preview_value())
        assert html.strip(), name
