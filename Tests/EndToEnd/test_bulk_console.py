"""The bulk "reset all MFA" from the console: mark users, review the plan, type the phrase,
watch the run, and see the result in the methods pane (the embedded sandbox lives inside the
console process, so the check is made there). Quitting mid-run is tested against a served
sandbox, so that the command line can resume the job afterwards."""
import json
from collections import Counter
import re
import signal
import subprocess

import pytest

from cli import cli_env, graph_env, served
from terminal import BINARY


def find(lines, fragment, start=0):
    for index in range(start, len(lines)):
        if fragment in lines[index]:
            return index
    raise AssertionError(f"{fragment!r} not on the screen:\n" + "\n".join(lines))


def select(term, query):
    """Searches `query`, waits for its one result and leaves the search line on it."""
    term.press("/")
    term.child.send("\x15")  # ctrl-u: clear the search
    term.type(query)
    term.wait_for(lambda s: "1 user" in s and f"/ {query}" in s)
    term.press("enter")


def test_mark_two_users_reset_their_mfa_and_see_it_done(console):
    term = console(rows=40, cols=120)
    term.wait_for("Cameron White")
    select(term, "Cameron White")
    term.type(" ")
    term.wait_for("marked: contoso 1")
    select(term, "avery.howard")
    term.type(" ")
    screen = term.wait_for("marked: contoso 2")
    # Both marks survive the searches: Avery's row shows the mark glyph.
    assert "✓Avery Howard" in screen

    term.type("R")
    screen = term.wait_for("choose the policy")
    assert "Reset all MFA of 2 users: contoso 2" in screen
    assert "(•) portal" in screen
    term.press("enter")
    screen = term.wait_for("plan (dry run)")
    lines = screen.split("\n")
    avery = find(lines, "contoso  Avery Howard")
    office = find(lines, "Delete Office phone", avery)
    mobile = find(lines, "Delete Mobile phone", avery)
    assert office < mobile
    assert "(default method, last)" in lines[mobile]
    assert "kept: Password: passwords are never deleted" in screen
    assert "2 users · 2 delete · 0 deactivate" in screen

    term.press("enter")
    term.wait_for("Type RESET 2 to run:")
    term.type("RESET 3")
    term.press("enter")
    screen = term.wait_for("is not RESET 2: nothing was sent")
    assert "running" not in screen.split("\n")[0]
    term.type("RESET 2")
    term.press("enter")
    screen = term.wait_for(lambda s: "summary" in s.split("\n")[0] and "2 done" in s, timeout=30)
    assert "done       contoso  Avery Howard  (2 steps)" in screen
    assert "done       contoso  Cameron White  (0 steps)" in screen

    term.press("esc")
    screen = term.wait_for(lambda s: "Methods · Avery Howard" in s and "Password" in s and "Loading" not in s)
    assert "marked:" not in screen.split("\n")[0]
    assert "Office phone" not in screen
    assert "Mobile phone" not in screen

    term.type(":jobs")
    term.press("enter")
    screen = term.wait_for("Jobs in the journal")
    assert "finished" in screen


def test_reset_is_absent_under_read_only(console):
    term = console("--read-only", rows=40, cols=120)
    term.wait_for("Cameron White")
    term.type(" ")
    term.wait_for("marked: contoso 1")
    term.type("R")
    term.press("?")
    screen = term.wait_for("mark or unmark the user")
    assert "reset all MFA of the marked users" not in screen
    assert "choose the policy" not in screen


def test_priya_is_refused_by_the_preflight_and_only_cameron_runs(console):
    term = console(rows=40, cols=120)
    term.wait_for("Cameron White")
    select(term, "priya.raman")
    screen = term.wait_for(lambda s: "Methods · Priya Raman" in s and "Microsoft Authenticator" in s)
    term.type(" ")
    term.wait_for("marked: contoso 1")
    select(term, "Cameron White")
    term.type(" ")
    term.wait_for("marked: contoso 2")

    term.type("R")
    term.wait_for("choose the policy")
    term.press("enter")
    screen = term.wait_for("plan (dry run)")
    assert "1 refused" in screen
    lines = screen.split("\n")
    priya = find(lines, "contoso  Priya Raman")
    assert "skipped, nothing sent" in lines[priya]
    refused = find(lines, "will be refused: Priya Raman is a Global Administrator", priya)
    assert refused > priya

    term.press("enter")
    term.wait_for("Type RESET 1 to run:")
    term.type("RESET 1")
    term.press("enter")
    screen = term.wait_for(lambda s: "summary" in s.split("\n")[0] and "1 done" in s, timeout=30)
    assert "done       contoso  Cameron White" in screen
    assert "refused    contoso  Priya Raman: pre-flight, nothing sent: Priya Raman is a Global Administrator" in screen
    assert "1 done · 0 failed · 1 refused · 0 untouched" in screen

    term.press("esc")
    select(term, "priya.raman")
    screen = term.wait_for(lambda s: "Methods · Priya Raman" in s and "Loading" not in s and "Password" in s)
    assert "Microsoft Authenticator" in screen


def run_cli(*args, state, env=None):
    environment = cli_env(dict({"AUTHDESK_STATE_DIR": str(state)}, **(env or {})), prefix="authdesk-bulk-")
    return subprocess.run([str(BINARY), *args], env=environment, capture_output=True, text=True, timeout=180,
                          stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("how", ["q twice", "SIGTERM"])
def test_quitting_mid_run_pauses_the_job_and_jobs_resume_finishes_it(console, tmp_path, how):
    state = tmp_path / "state"
    # Enough users that a run at the default ceiling (64 users at once) is still going when quit.
    with served("--users", "400", "--latency-ms", "250") as sandbox:
        env = graph_env(sandbox)
        term = console(rows=40, cols=120, env=dict(env, AUTHDESK_STATE_DIR=str(state)))
        term.wait_for("Avery Howard")
        term.type("*")
        term.wait_for(re.compile(r"marked: \S+ \d+").search, timeout=30)
        term.type("R")
        term.wait_for("choose the policy")
        term.type(" ")
        term.wait_for("(•) all")
        term.press("enter")
        term.wait_for("plan (dry run)", timeout=60)
        term.press("enter")
        screen = term.wait_for("to run:")
        phrase = re.search(r"Type (RESET \d+) to run:", screen).group(1)
        term.type(phrase)
        term.press("enter")

        def steps_done(text):
            found = re.search(r"(\d+)/(\d+) steps", text)
            return found and 3 <= int(found.group(1)) < int(found.group(2))
        screen = term.wait_for(steps_done, timeout=60, settle=0)
        job = re.search(r"job (\S+)", screen.split("\n")[0]).group(1)
        if how == "SIGTERM":
            term.child.kill(signal.SIGTERM)
            status, signal_status = term.wait_exit(timeout=60)
            assert (status, signal_status) == (128 + signal.SIGTERM, None)
        else:
            term.type("q")
            term.wait_for("A job is running: q again to pause it and quit", settle=0)
            assert "running" in term.text().split("\n")[0]
            term.type("q")
            status, signal_status = term.wait_exit(timeout=60)
            assert (status, signal_status) == (0, None)

        shown = json.loads(run_cli("jobs", "show", job, "--output", "json", state=state).stdout)
        assert shown["job"]["state"] == "paused"
        assert shown["counts"]["stepsSent"] == 0, "the steps in flight finished and were journalled"
        assert 0 < shown["counts"]["stepsDone"] < shown["counts"]["steps"]
        listed = run_cli("jobs", "list", state=state)
        assert job in listed.stdout and "paused" in listed.stdout

        resumed = run_cli("jobs", "resume", job, "--output", "json", state=state, env=env)
        assert resumed.returncode in (0, 1), resumed.stdout + resumed.stderr
        after = json.loads(run_cli("jobs", "show", job, "--output", "json", state=state).stdout)
        assert after["job"]["state"] == "finished"
        assert after["counts"]["stepsSent"] == 0
        audit = [a for a in json.loads(run_cli("journal", "--output", "json", state=state).stdout) if a["job"] == job]
        # A method can have two steps (made default, then deleted): count the entries per target.
        expected = Counter()
        for entry in after["users"]:
            for step in entry["steps"]:
                target = (entry["user"]["userID"], step["title"] + " " + step["methodID"])
                expected[target] += 0 if step["state"] == "pending" else 1
        journalled = Counter((a["user"], a["target"]) for a in audit)
        for target, count in expected.items():
            assert journalled[target] == count, ("nothing done twice", target, journalled[target], count)
        sent = sum(expected.values())
        assert len(audit) == sent
