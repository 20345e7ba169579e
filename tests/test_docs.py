"""Every setting and every command is documented."""
from pathlib import Path

import pytest

from parley.settings import SETTINGS_SPEC

DOCS = Path(__file__).resolve().parent.parent / "docs"


@pytest.mark.parametrize("name, default, env, help_text", SETTINGS_SPEC)
def test_docs_every_setting_is_documented(name, default, env, help_text):
    text = (DOCS / "settings.md").read_text(encoding="utf-8")
    assert f"`{name}`" in text and f"`{env}`" in text


def test_docs_every_command_is_documented():
    from typer.main import get_command

    from parley.cli import app

    usage = (DOCS / "usage.md").read_text(encoding="utf-8")
    commands = sorted(get_command(app).commands)
    missing = [c for c in commands if f"parley {c}" not in usage]
    assert not missing, f"commands missing from docs/usage.md: {missing}"
