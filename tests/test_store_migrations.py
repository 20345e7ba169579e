"""A database made by an older revision opens at the newest one with its rows kept, and steps back down."""
from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, inspect, text

from parley.store import Store
from parley.store.engine import MIGRATIONS


def _config(connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def test_store_revision_0006_adds_rounds_and_outlets_to_an_older_database(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    with engine.begin() as connection:
        command.upgrade(_config(connection), "0005")
        connection.execute(text("INSERT INTO documents (doc_id, text, source, lang) VALUES ('d1', 'Текст.', 'a.txt', 'ru')"))
    engine.dispose()
    with Store.open(url) as store:
        columns = {table: {c["name"] for c in inspect(store.engine).get_columns(table)}
                   for table in ("meetings", "documents", "event_sources")}
        assert "date_end" in columns["meetings"] and "outlet" in columns["documents"]
        assert "date_end" in columns["event_sources"]
        assert store.document("d1").text == "Текст." and store.document("d1").outlet is None
    engine = create_engine(url)
    with engine.begin() as connection:
        command.downgrade(_config(connection), "0005")
        assert "outlet" not in {c["name"] for c in inspect(connection).get_columns("documents")}
    engine.dispose()
