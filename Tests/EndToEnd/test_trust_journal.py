"""The audit journal as evidence, through the real binary against `authdesk sandbox serve`:
`journal verify` passes an untouched journal and names the first entry edited, removed,
inserted or reordered in the SQLite file (triggers dropped); `journal export` gives a pack that
names the removed number and its request id; `undo` brings a deleted phone back with its
number, once, and refuses a FIDO2 key with the reason."""
import csv
import io
import json
import shutil
import sqlite3

import pytest

from cli import operator_config, served_fixture, state_runner

CAMERON = "CameronW@contoso.com"
MOBILE_ID = "3179e48a-750b-4051-897c-87b9720928f7"


sandbox = served_fixture("--users", "0", "--device-code-delay-ms", "200")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("trust")


@pytest.fixture(scope="module")
def authdesk(sandbox, folder):
    return state_runner(operator_config(sandbox, folder / "config.toml"), folder / "state")


def ok(result):
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def journal(authdesk, state=None):
    return json.loads(ok(authdesk("journal", "--output", "json", state_dir=state)).stdout)


def methods(authdesk, user):
    return json.loads(ok(authdesk("methods", "list", user, "--output", "json")).stdout)


@pytest.fixture(scope="module")
def history(authdesk):
    """Cameron's mobile phone added then deleted under INC-7, and a few more entries."""
    ok(authdesk("methods", "add-phone", CAMERON, "--type", "mobile", "--number", "+1 2065550123", "--ticket", "INC-7"))
    ok(authdesk("methods", "delete", CAMERON, MOBILE_ID, "--ticket", "INC-7", "--verified-by", "callback"))
    ok(authdesk("methods", "add-email", CAMERON, "cameron@example.org", "--ticket", "INC-8"))
    ok(authdesk("sessions", "revoke", CAMERON, "--ticket", "INC-8"))
    return journal(authdesk)


def test_an_untouched_journal_verifies(authdesk, history):
    result = ok(authdesk("journal", "verify"))
    assert f"OK: {len(history)} entries intact" in result.stdout
    assert "signing key (Ed25519, public): " in result.stdout


def tampered_copy(folder, name, *statements):
    """A copy of the state directory whose journal was changed with SQL, triggers dropped."""
    copy = folder / name
    shutil.copytree(folder / "state", copy)
    db = sqlite3.connect(copy / "journal.sqlite")
    for trigger in ["auditNoUpdate", "auditNoDelete", "auditCheckpointNoUpdate", "auditCheckpointNoDelete"]:
        db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.close()
    return copy


@pytest.mark.parametrize("name, statements, named", [
    ("edited", ["UPDATE audit SET target = 'Mobile phone +1 4255550000' WHERE id = 2"], "entry 2 was edited"),
    ("removed", ["DELETE FROM audit WHERE id = 3"], "entry 3 was removed"),
    ("inserted", ["INSERT INTO audit (at, tenant, userID, action, outcome, redacted, prevHash, hash) "
                  "SELECT at, tenant, userID, 'add phone', 'succeeded', 0, hash, hash FROM audit WHERE id = 4"],
     "entry 5 was inserted"),
    ("reordered", ["UPDATE audit SET id = 100 WHERE id = 2", "UPDATE audit SET id = 2 WHERE id = 3",
                   "UPDATE audit SET id = 3 WHERE id = 100"], "entry 2 was reordered"),
])
def test_a_tampered_journal_is_caught_and_the_entry_named(authdesk, folder, history, name, statements, named):
    copy = tampered_copy(folder, name, *statements)
    result = authdesk("journal", "verify", state_dir=copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "TAMPERED" in result.stdout and named in result.stdout


def test_an_older_journal_migrates_and_verify_says_where_the_chain_starts(authdesk, folder):
    state = folder / "legacy"
    state.mkdir()
    db = sqlite3.connect(state / "journal.sqlite")
    db.executescript("""
        CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
        INSERT INTO grdb_migrations VALUES ('v1: jobs, users, steps, kept methods, audit');
        INSERT INTO grdb_migrations VALUES ('v2: audit outcomes refused and accepted, ticket index');
        CREATE TABLE job (id TEXT PRIMARY KEY NOT NULL, createdAt DATETIME NOT NULL, operatorName TEXT, ticket TEXT,
            policy TEXT NOT NULL, state TEXT NOT NULL, updatedAt DATETIME NOT NULL);
        CREATE TABLE audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at DATETIME NOT NULL, operatorName TEXT,
            tenant TEXT NOT NULL, userID TEXT NOT NULL, userName TEXT, action TEXT NOT NULL, target TEXT,
            outcome TEXT NOT NULL, detail TEXT, requestID TEXT, ticket TEXT, jobID TEXT, redacted BOOLEAN NOT NULL DEFAULT 0);
        INSERT INTO audit (at, tenant, userID, action, outcome) VALUES ('2026-11-01 10:00:00.000', 'contoso', 'u1', 'add phone', 'succeeded');
        INSERT INTO audit (at, tenant, userID, action, outcome) VALUES ('2026-11-01 10:01:00.000', 'contoso', 'u1', 'delete method', 'succeeded');
    """)
    db.close()
    ok(authdesk("sessions", "revoke", CAMERON, state_dir=state))
    result = ok(authdesk("journal", "verify", state_dir=state))
    assert "OK: 1 entry intact" in result.stdout
    assert "the chain starts at the migration" in result.stdout and "entries 1 to 2" in result.stdout


def test_the_exported_pack_names_the_removed_number_and_the_request_id(authdesk, history):
    deleted = next(e for e in history if e["action"] == "delete method")
    for fmt in ["json", "csv", "markdown"]:
        result = ok(authdesk("journal", "export", "--ticket", "INC-7", "--format", fmt))
        assert "+1 2065550123" in result.stdout
        assert deleted["requestId"] in result.stdout
        assert "Admin deleted security info" in result.stdout
    pack = json.loads(ok(authdesk("journal", "export", "--ticket", "INC-7", "--format", "json")).stdout)
    assert [row["action"] for row in pack] == ["add phone", "delete method"]
    removal = pack[1]
    assert "+1 2065550123" in removal["removed"] and "+1 2065550123" in removal["methodsBefore"]
    assert "+1 2065550123" not in (removal["methodsAfter"] or "")
    assert removal["verification"] == "callback"
    assert removal["requestIds"] == deleted["requestId"]
    assert "DELETE " in removal["requests"] and MOBILE_ID in removal["requests"]
    assert removal["hash"] and removal["prevHash"] == pack[0]["hash"]
    rows = list(csv.DictReader(io.StringIO(ok(authdesk("journal", "export", "--ticket", "INC-7", "--format", "csv")).stdout)))
    assert [row["entry"] for row in rows] == [str(e["id"]) for e in history if e["ticket"] == "INC-7"]


def test_export_needs_exactly_one_selection(authdesk):
    result = authdesk("journal", "export", "--format", "json")
    assert result.returncode == 2 and "--ticket" in result.stderr
    result = authdesk("journal", "export", "--ticket", "INC-7", "--format", "pdf")
    assert result.returncode == 2 and "json, csv or markdown" in result.stderr


def test_an_undone_phone_is_back_with_its_number_once(authdesk, history):
    deleted = next(e for e in history if e["action"] == "delete method")
    assert not [m for m in methods(authdesk, CAMERON) if m["id"] == MOBILE_ID]
    refused = authdesk("undo", str(deleted["id"]))
    assert refused.returncode == 2 and "--yes" in refused.stderr  # standard input is not a terminal
    result = ok(authdesk("undo", str(deleted["id"]), "--yes", "--ticket", "INC-7"))
    assert "undone" in result.stdout
    phones = [m for m in methods(authdesk, CAMERON) if m["id"] == MOBILE_ID]
    assert [p["summary"] for p in phones] == ["+1 2065550123"]
    last = journal(authdesk)[-1]
    assert last["undoOf"] == deleted["id"] and last["action"] == "add phone"
    again = authdesk("undo", str(deleted["id"]), "--yes")
    assert again.returncode == 2 and "already undone" in again.stderr
    ok(authdesk("journal", "verify"))


def test_a_security_key_cannot_be_undone(authdesk):
    user = "zoe.lindqvist@contoso.com"
    fido = next(m for m in methods(authdesk, user) if m["kind"] == "fido2")
    ok(authdesk("methods", "delete", user, fido["id"]))
    entry = journal(authdesk)[-1]
    result = authdesk("undo", str(entry["id"]), "--yes")
    assert result.returncode == 2
    assert "FIDO2" in result.stderr and "registers the key again" in result.stderr
