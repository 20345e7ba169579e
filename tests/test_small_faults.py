"""The smaller faults an adversarial review found: each kept fixed."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from parley.cli import app
from parley.ingest.encoding import decode
from parley.settings import Settings

RUSSIAN = ("Делегации встретились в Женеве и обсудили гарантии безопасности. Следующий раунд переговоров "
           "назначен на конец месяца, сообщили дипломаты обеих сторон.")


@pytest.mark.parametrize("broken_bytes", [1, 3, 6])
def test_utf8_with_a_few_bad_bytes_stays_utf8(broken_bytes):
    data = RUSSIAN.encode("utf-8")
    for n in range(broken_bytes):  # cut a two-byte letter in half here and there
        at = 20 + n * 30
        while data[at] < 0xC0:
            at += 1
        data = data[:at] + b"\xff" + data[at + 1:]
    decoded = decode(data)
    assert decoded.encoding == "utf-8"
    assert decoded.text.count("\ufffd") >= broken_bytes and "Делегации" in decoded.text


def test_cp1251_is_still_told_apart():
    assert decode(RUSSIAN.encode("cp1251")).text == RUSSIAN


@pytest.mark.parametrize("env, value", [("PARLEY_MAX_INPUT_BYTES", "-1"), ("PARLEY_DOCUMENT_SECONDS", "-5"),
                                        ("PARLEY_MAX_DOCUMENT_CHARS", "many")])
def test_a_negative_or_wrong_limit_is_refused(monkeypatch, env, value):
    monkeypatch.setenv(env, value)
    with pytest.raises(ValueError, match=env):
        Settings.from_env()


def test_a_negative_limit_is_a_usage_error_on_the_command_line(monkeypatch, tmp_path):
    monkeypatch.setenv("PARLEY_MAX_INPUT_BYTES", "-1")
    (tmp_path / "a.txt").write_text(RUSSIAN, encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", f"sqlite:///{tmp_path / 'p.db'}"])
    assert result.exit_code == 2 and "PARLEY_MAX_INPUT_BYTES" in result.stderr


@pytest.mark.parametrize("command", [["events", "--json"], ["search", "Женева", "--json"]])
def test_limit_zero_works_alike_for_events_and_search(tmp_path, command):
    from parley.store import Store

    db = f"sqlite:///{tmp_path / 'p.db'}"
    Store.open(db).close()
    result = CliRunner().invoke(app, [*command, "--limit", "0", "--db", db])
    assert result.exit_code == 0, result.output
