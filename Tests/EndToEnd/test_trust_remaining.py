"""The last trust steps, end to end: `reset-mfa --dry-run --show-requests` prints each user's
exact requests and sends nothing; a block, an unblock and a per-user MFA change keep the state
they replaced and `authdesk undo` puts it back (once); the console's bulk plan shows a user's
requests (`r`); in a profile with require_caller_verification the console's bulk confirmation
and its undo ask how the caller was verified, and the answer is journalled; the console's journal
screen shows the audit chain's verdict and catches an entry edited in the SQLite file."""
import json
import os
import sqlite3

import pytest

from cli import operator_config, sandbox_requests, served_fixture, state_runner
from console_steps import skip_ticket
from schemas import validate
from test_bulk_console import select
from test_dialogs import open_cameron, select_method
from test_trust_console import journal

CAMERON = "CameronW@contoso.com"
AVERY = "avery.howard@contoso.com"


sandbox = served_fixture("--users", "0", "--device-code-delay-ms", "100")


@pytest.fixture
def authdesk(sandbox, tmp_path):
    return state_runner(operator_config(sandbox, tmp_path / "config.toml"), tmp_path / "state")


def run_json(authdesk, *args):
    result = authdesk(*args, "--output", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_reset_mfa_dry_run_shows_each_users_requests_and_sends_nothing(authdesk, sandbox):
    before = sandbox_requests(sandbox)["sent"]
    plan = run_json(authdesk, "reset-mfa", AVERY, "--dry-run", "--show-requests")
    after = sandbox_requests(sandbox)["sent"]  # POST counts the planning's batches of reads
    assert all(after.get(m, 0) == before.get(m, 0) for m in ("DELETE", "PATCH", "PUT")), (before, after)
    validate("reset-mfa", plan)
    [user] = plan["users"]
    assert len(user["requests"]) == len(user["steps"]) >= 2
    assert all(r["method"] == "DELETE" and "/authentication/phoneMethods/" in r["url"] for r in user["requests"])
    assert [s["methodId"] for s in user["steps"]] == [r["url"].rsplit("/", 1)[1] for r in user["requests"]]
    table = authdesk("reset-mfa", AVERY, "--dry-run", "--show-requests")
    assert table.returncode == 0, table.stderr
    assert "requests it would send (nothing was sent):" in table.stdout
    assert "1. DELETE http" in table.stdout
    assert run_json(authdesk, "journal") == []
    alone = authdesk("reset-mfa", AVERY, "--show-requests", "--yes")
    assert alone.returncode == 2 and "--show-requests goes with --dry-run" in alone.stderr


def test_a_block_is_undone_once_and_the_account_can_sign_in_again(authdesk):
    assert authdesk("users", "block", CAMERON).returncode == 0
    blocked = run_json(authdesk, "journal")[-1]
    assert blocked["action"] == "block sign-in" and blocked["detail"] == "before: sign-in enabled"
    assert run_json(authdesk, "users", "show", CAMERON)[0]["accountEnabled"] is False
    undone = run_json(authdesk, "undo", str(blocked["id"]), "--yes")
    assert undone[0]["undoOf"] == blocked["id"]
    assert run_json(authdesk, "users", "show", CAMERON)[0]["accountEnabled"] is True
    again = authdesk("undo", str(blocked["id"]), "--yes")
    assert again.returncode == 2 and "cannot be undone twice" in again.stderr


def test_an_undo_in_a_verifying_profile_needs_the_verification(sandbox, tmp_path):
    strict = state_runner(operator_config(sandbox, tmp_path / "config.toml", "require_caller_verification = true"),
                          tmp_path / "state")
    assert strict("users", "block", AVERY, "--verified-by", "in-person").returncode == 0
    blocked = run_json(strict, "journal")[-1]
    before = sandbox_requests(sandbox)["sent"]
    refused = strict("undo", str(blocked["id"]), "--yes")
    assert refused.returncode == 2 and "--verified-by" in refused.stderr and "nothing was sent" in refused.stderr
    assert sandbox_requests(sandbox)["sent"].get("PATCH", 0) == before.get("PATCH", 0)
    assert strict("undo", str(blocked["id"]), "--yes", "--verified-by", "callback").returncode == 0
    undone = run_json(strict, "journal")[-1]
    assert undone["undoOf"] == blocked["id"] and undone["verification"] == "callback"
    assert run_json(strict, "users", "show", AVERY)[0]["accountEnabled"] is True


def test_the_per_user_mfa_state_goes_back_to_the_one_before(authdesk):
    before = run_json(authdesk, "users", "mfa-state", CAMERON)[0]["perUserMfaState"]
    other = "enforced" if before != "enforced" else "disabled"
    assert authdesk("users", "mfa-state", CAMERON, "--set", other).returncode == 0
    entry = run_json(authdesk, "journal")[-1]
    assert entry["detail"] == f"before: per-user MFA {before}"
    assert authdesk("undo", str(entry["id"]), "--yes").returncode == 0
    assert run_json(authdesk, "users", "mfa-state", CAMERON)[0]["perUserMfaState"] == before


def plan_avery(term):
    """Marks Avery Howard, opens the bulk reset and plans the portal policy; gives the plan's screen."""
    term.wait_for("Cameron White")
    select(term, "avery.howard")
    term.type(" ")
    term.wait_for("marked: contoso 1")
    term.type("R")
    term.wait_for("choose the policy")
    term.press("enter")
    return term.wait_for("plan (dry run)")


def test_the_bulk_plan_shows_the_first_users_requests(console):
    term = console(rows=40, cols=140)
    screen = plan_avery(term)
    assert "r requests" in screen.splitlines()[-1]
    term.type("r")
    screen = term.wait_for("Requests it would send (nothing sent yet):")
    assert "1. DELETE" in screen and "2. DELETE" in screen and "/authentication/phoneMethods/" in screen
    assert "user 1 of 1" in screen
    term.press("esc")
    screen = term.wait_for(lambda s: "Delete Mobile phone" in s and "Requests it would send" not in s)
    assert "plan (dry run)" in screen.splitlines()[0]


def test_the_bulk_confirmation_asks_how_the_callers_were_verified(console, sandbox, tmp_path):
    config = operator_config(sandbox, tmp_path / "config.toml", "require_caller_verification = true")
    term = console("--config", str(config), rows=40, cols=140)
    plan_avery(term)
    term.press("enter")
    screen = term.wait_for("Type RESET 1 to run:")
    assert "Verified: < (choose how) >" in screen
    term.press("tab", "tab")
    term.type("RESET 1")
    term.press("enter")
    term.wait_for("Say how the caller was verified")
    assert journal(term.home) == []
    term.press("right", "right")
    term.wait_for("< Confirmed by the manager >")
    term.press("tab")
    term.type("J. Doe on Teams")
    term.press("tab")  # the phrase typed before is kept
    term.press("enter")
    term.wait_for(lambda s: "summary" in s.split("\n")[0] and "1 done" in s, timeout=30)
    steps = [e for e in journal(term.home) if e["job"]]
    assert steps and all(e["verification"] == "manager: J. Doe on Teams" for e in steps)


def test_the_console_undo_asks_for_the_verification_and_cannot_be_applied_twice(console, sandbox, tmp_path):
    config = operator_config(sandbox, tmp_path / "config.toml", "require_caller_verification = true")
    term = console("--config", str(config), rows=30, cols=140)
    open_cameron(term)
    term.press("a")
    skip_ticket(term)
    term.wait_for("Add a phone for Cameron White")
    term.press("tab")
    term.type("+1 4255550199")
    term.press("enter")
    term.wait_for("Say how the caller was verified")
    term.press(" ", "tab")  # the first way (callback), then the note
    term.type("rang back")
    term.press("tab", "enter")
    term.wait_for(lambda s: "Add a phone: done for Cameron White" in s)
    select_method(term, "Mobile phone")
    term.press("d")
    term.wait_for("Delete a method")
    term.press("tab", "enter")
    term.wait_for("Say how the caller was verified")
    term.press(" ", "tab", "tab", "tab", "enter")
    term.wait_for(lambda s: "Delete a method: done" in s and "+1 4255550199" not in s)
    term.press(":")
    term.type("journal")
    term.press("enter")
    term.wait_for(lambda s: "delete method" in s and "u undo" in s)
    term.press("u")
    screen = term.wait_for("Undo entry 2 (delete method")
    flat = " ".join(line.strip() for line in screen.splitlines())  # the question wraps
    assert "add the mobile phone +1 4255550199 again?" in flat and "Verified: < (choose how) >" in screen
    term.press("enter")
    term.wait_for("Say how the caller was verified")
    assert len(journal(term.home)) == 2
    term.press("right", "tab")
    term.type("called the number on file")
    term.press("enter")
    term.wait_for("Entry 2 undone for Cameron White: add the mobile phone +1 4255550199 again")
    entries = journal(term.home)
    assert entries[-1]["undoOf"] == 2 and entries[-1]["verification"] == "callback: called the number on file"
    term.wait_for(lambda s: s.count("add phone") == 2)
    term.press("j", "u")
    term.wait_for("already undone by entry 3")


def test_the_journal_screen_shows_the_chain_and_catches_a_tampered_entry(console):
    term = console(rows=30, cols=140)
    open_cameron(term)
    term.press("a")
    skip_ticket(term)
    term.wait_for("Add a phone for Cameron White")
    term.press("tab")
    term.type("+1 4255550144")
    term.press("enter")
    term.wait_for(lambda s: "Add a phone: done for Cameron White" in s)
    term.press(":")
    term.type("journal")
    term.press("enter")
    term.wait_for("Audit chain: OK: 1 entry intact")
    db = sqlite3.connect(os.path.join(term.home, "state", "authdesk", "journal.sqlite"))
    db.execute("DROP TRIGGER IF EXISTS auditNoUpdate")
    db.execute("UPDATE audit SET target = 'Mobile phone +1 4255550000' WHERE id = 1")
    db.commit()
    db.close()
    term.press("esc", ":")
    term.type("journal")
    term.press("enter")
    term.wait_for("Audit chain: TAMPERED: entry 1 was edited")
