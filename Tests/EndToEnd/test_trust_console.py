"""The console's trust steps, as an operator uses them (the real binary in a pty, read through
pyte): ctrl-r shows a dialog's requests before its confirm button and sends nothing; `u` then
enter on the journal screen undoes a deleted phone; a profile with require_caller_verification asks how
the caller was verified in the dialog, and the answer is journalled."""
import json
import os
import re
import subprocess

from cli import cli_env, operator_config, served
from console_steps import skip_ticket
from terminal import BINARY
from test_dialogs import open_cameron, select_method

CTRL_R = "\x12"


def journal(home):
    env = cli_env({"XDG_STATE_HOME": os.path.join(home, "state"), "HOME": home})
    result = subprocess.run([str(BINARY), "journal", "--output", "json"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def dialog_text(screen):
    """The open dialog's text, its wrapped lines joined, spaces removed."""
    lines = screen.splitlines()
    top = next(i for i, line in enumerate(lines) if "┌─ Add a phone" in line)
    left, right = lines[top].index("┌"), lines[top].index("┐")
    return re.sub(r"\s", "", "".join(line[left + 1:right] for line in lines[top + 1:]))


def test_ctrl_r_shows_the_requests_and_sends_nothing(console):
    term = console(rows=30, cols=120)
    open_cameron(term)
    term.press("a")
    skip_ticket(term)
    screen = term.wait_for("Add a phone for Cameron White")
    assert "ctrl-r requests" in screen.splitlines()[-1]
    term.press("tab")
    term.type("+1 4255550177")
    term.press(CTRL_R)
    screen = term.wait_for("Requests it would send (nothing sent yet)")
    assert "1. POST" in screen and "/authentication/phoneMethods" in screen
    inside = dialog_text(screen)  # the dialog wraps the long line
    assert '/authentication/phoneMethods{"' in inside  # the body follows the URL
    assert '"phoneNumber":"+14255550177"' in inside and '"phoneType":"mobile"' in inside
    term.press("esc")
    term.wait_for(lambda s: "Add a phone" not in s)
    assert "+1 4255550177" not in term.text()
    assert journal(term.home) == []


def test_u_then_enter_on_the_journal_screen_brings_a_deleted_phone_back(console):
    term = console(rows=30, cols=120)
    open_cameron(term)
    term.press("a")
    skip_ticket(term)
    term.wait_for("Add a phone for Cameron White")
    term.press("tab")
    term.type("+1 4255550188")
    term.press("enter")
    term.wait_for(lambda s: "Add a phone: done for Cameron White" in s and "+1 4255550188" in s)
    select_method(term, "Mobile phone")
    term.press("d")
    term.wait_for("Delete a method")
    term.press("tab", "enter")
    term.wait_for(lambda s: "Delete a method: done" in s and "+1 4255550188" not in s)
    term.press(":")
    term.type("journal")
    term.press("enter")
    screen = term.wait_for(lambda s: "delete method" in s and "u undo" in s)
    term.press("u")
    screen = term.wait_for("Undo entry 2 (delete method")
    flat = " ".join(line.strip() for line in screen.splitlines())  # the question wraps
    assert "add the mobile phone +1 4255550188 again?" in flat and "Verified" not in screen
    term.press("enter")
    term.wait_for("Entry 2 undone for Cameron White: add the mobile phone +1 4255550188 again")
    entries = journal(term.home)
    assert [e["action"] for e in entries] == ["add phone", "delete method", "add phone"]
    assert entries[-1]["undoOf"] == 2
    term.wait_for(lambda s: s.count("add phone") == 2)  # reloaded: the undo is the newest entry
    term.press("u")
    term.wait_for("entry 3 is itself an undo")
    term.press("j", "u")
    term.wait_for("already undone by entry 3")
    term.press("esc")
    term.wait_for("+1 4255550188")


def test_a_verifying_profile_asks_how_the_caller_was_verified(console, tmp_path):
    with served("--users", "0", "--device-code-delay-ms", "100") as sandbox:
        config = operator_config(sandbox, tmp_path / "config.toml", "require_caller_verification = true")
        term = console("--config", str(config), rows=30, cols=120)
        open_cameron(term)
        term.press("a")
        skip_ticket(term)
        screen = term.wait_for("Add a phone for Cameron White")
        assert "Verified" in screen and "(choose how)" in screen
        term.press("tab")
        term.type("+1 4255550166")
        term.press("enter")
        term.wait_for("Say how the caller was verified")
        assert journal(term.home) == []
        # The confirm put the focus on the missing answer: space chooses the first way.
        term.press(" ")
        term.wait_for("< Callback to the number on file >")
        term.press("tab")
        term.type("rang the number on file")
        term.wait_for("Note      rang the number on file")
        term.press("tab", "enter")
        term.wait_for(lambda s: "Add a phone: done for Cameron White" in s)
        [entry] = journal(term.home)
        assert entry["verification"] == "callback: rang the number on file"
