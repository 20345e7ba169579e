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


def test_docs_every_option_of_every_command_is_in_usage():
    """Each command's row in docs/usage.md names its options (``--db``, which every command takes, is said once)."""
    from typer.main import get_command

    from parley.cli import app

    usage = (DOCS / "usage.md").read_text(encoding="utf-8")
    missing = []
    for name, command in sorted(get_command(app).commands.items()):
        line = next((row for row in usage.splitlines() if f"`parley {name}" in row), "")
        for param in command.params:
            flags = [flag for flag in param.opts if flag.startswith("-") and flag not in ("--help", "--db")]
            if flags and not any(f"{flag} " in line or f"{flag}]" in line or f"{flag}`" in line for flag in flags):
                missing.append(f"{name} {flags[0]}")
    assert not missing, f"options missing from docs/usage.md: {missing}"


def test_docs_the_readme_tour_reads_files_that_exist():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    tour = readme.split("## A tour", 1)[1].split("```", 2)[1]
    read = re.findall(r"parley (?:ingest|extract|batch) (\S+)", tour)
    assert read, "the tour reads no input"
    assert [path for path in read if not (root / path).exists()] == []
