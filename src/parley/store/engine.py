"""Opening a database by URL: SQLite (WAL) or PostgreSQL, schema migrated on open."""
from __future__ import annotations

import threading
import time
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, NoSuchModuleError, OperationalError, ProgrammingError

from parley.errors import DatabaseError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_MIGRATING = threading.Lock()


def normalise_url(url: str) -> str:
    """``postgresql://`` means psycopg 3; a bare path means an SQLite file."""
    url = url.strip()
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" not in url and url:
        return f"sqlite:///{url}"
    return url


def _on_sqlite_connect(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers (the web page) never block the writer
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


PARLEY_TABLES = {"documents", "ledger", "actors"}


def open_engine(url: str, create: bool = True) -> Engine:
    """An engine on a Parley store, migrated to the newest schema. ``create``: make the store when the
    database is new or empty; without it (the reading commands) a missing store is an error. A
    database holding another program's tables is never written to."""
    url = normalise_url(url)
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() not in ("sqlite", "postgresql"):
            raise DatabaseError(f"unsupported database {parsed.get_backend_name()!r} in {url!r}: "
                                "use sqlite:///FILE or postgresql://USER@HOST/NAME")
        engine = create_engine(url)
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise DatabaseError(f"not a database URL: {url!r} ({exc}); use sqlite:///FILE or "
                            "postgresql://USER@HOST/NAME") from exc
    shown = parsed.render_as_string(hide_password=True)
    if engine.dialect.name == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            path = Path(parsed.database).expanduser()
            if not create and not (path.is_file() and path.stat().st_size):
                engine.dispose()
                raise DatabaseError(f"no Parley store at {parsed.database}: `parley ingest` or `parley load` "
                                    "creates one; check --db / $PARLEY_DB")
            folder = path.resolve().parent
            if not folder.is_dir():
                raise DatabaseError(f"cannot create {parsed.database!r}: folder {folder} does not exist")
        event.listen(engine, "connect", _on_sqlite_connect)
    try:
        migrate(engine, create=create, shown=shown)
    except OperationalError as exc:
        engine.dispose()
        raise DatabaseError(f"cannot open database {shown}: {exc.orig}") from exc
    except DatabaseError:
        engine.dispose()
        raise
    return engine


class _NotYetParley(Exception):
    """Tables without a finished Parley schema: another opener may be creating it right now."""


def _check_is_parley_store(connection, shown: str, create: bool) -> None:
    """A Parley store, or (with ``create``) an empty database; never another program's."""
    tables = set(inspect(connection).get_table_names())
    if not tables and create:
        return
    if not tables:
        raise DatabaseError(f"no Parley store in {shown}: `parley ingest` or `parley load` creates one; "
                            "check --db / $PARLEY_DB")
    if "alembic_version" not in tables or not PARLEY_TABLES <= tables:
        listed = ", ".join(sorted(tables)[:5]) + (" …" if len(tables) > 5 else "")
        raise _NotYetParley(f"{shown} is not a Parley store (it holds other tables: {listed}); "
                            "it is left untouched: give another --db")


def migrate(engine: Engine, attempts: int = 5, create: bool = True, shown: str = "the database") -> None:
    """Bring the schema to the newest revision (a no-op when it is there); ``create``: make it in an
    empty database. Another program's database is refused (:class:`DatabaseError`), never changed.

    Two processes opening a new database at once (the web server and an ingest) race to create
    the schema: the loser's DDL fails, and it finds the schema in place when it looks again.
    """
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    for attempt in range(attempts):
        try:
            with _MIGRATING, engine.begin() as connection:  # alembic's op/context are process-global
                _check_is_parley_store(connection, shown, create)
                if _is_current(connection):
                    return
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
            return
        except _NotYetParley as error:
            if attempt == attempts - 1:
                raise DatabaseError(str(error)) from None
            time.sleep(0.2 * (attempt + 1))
        except (OperationalError, ProgrammingError, IntegrityError):
            if attempt == attempts - 1:
                raise
            time.sleep(0.2 * (attempt + 1))


def _is_current(connection) -> bool:
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory

    heads = set(ScriptDirectory(str(MIGRATIONS)).get_heads())
    return set(MigrationContext.configure(connection).get_current_heads()) == heads
