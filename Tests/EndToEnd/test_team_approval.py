"""Four eyes in team mode through the real binary: with [team] approval_threshold = 2, a job of two
users is created awaiting approval and nothing is sent; its own operator (alice, from any host) is
refused on the command line and in the console; another operator (bob, on another host) approves
it, audited in the chain; then it runs.

Two operators are two processes with their own HOME, USER and AUTHDESK_HOST against one
PostgreSQL (the team fixtures). Jobs themselves are still in the local SQLite journal on this
branch (the PostgreSQL job store is another branch's), so both share one state folder."""
import json
import re
import subprocess

import pytest

from cli import cli_env
from schemas import validate
from terminal import BINARY, Terminal

AVERY = "avery.howard@contoso.com"
CAMERON = "CameronW@contoso.com"


@pytest.fixture
def team(team_journal, tmp_path):
    """The team's config (embedded sandbox, shared journal URL, threshold 2) and shared state folder."""
    url, environment = team_journal
    config = tmp_path / "config.toml"
    config.write_text(f'[team]\njournal_url = "{url}"\napproval_threshold = 2\n')
    state = tmp_path / "state"
    return config, state, environment


def operator(team, user, host):
    """Runs authdesk as `user` on `host`: its own HOME, the team's config and state folder."""
    config, state, environment = team
    env = cli_env({"USER": user, "AUTHDESK_HOST": host, "AUTHDESK_STATE_DIR": str(state), **environment})

    def run(*args):
        return subprocess.run([str(BINARY), *args, "--config", str(config)], env=env, capture_output=True, text=True,
                              timeout=120, stdin=subprocess.DEVNULL)
    run.env = env
    return run


def held_job(alice):
    """alice asks for a reset of two users: held for approval (exit 5); returns the job's id."""
    result = alice("reset-mfa", AVERY, CAMERON, "--yes", "--ticket", "INC-4242")
    assert result.returncode == 5, result.stderr
    found = re.search(r"authdesk jobs approve (\S+)'", result.stderr)
    assert found, result.stderr
    assert "at or above the team's approval threshold of 2" in result.stderr
    assert "nothing was sent" in result.stderr
    assert "an operator other than alice (who asked, as alice@host-a)" in result.stderr
    return found.group(1)


def state_of(run, job):
    listing = json.loads(run("jobs", "list", "--output", "json").stdout)
    validate("jobs list", listing)
    return next(item["state"] for item in listing if item["id"] == job)


def test_own_operator_is_refused_another_approves_audited_then_it_runs(team):
    alice, bob, carol = operator(team, "alice", "host-a"), operator(team, "bob", "host-b"), operator(team, "carol", "host-c")
    alice_elsewhere = operator(team, "alice", "host-z")
    job = held_job(alice)
    assert state_of(bob, job) == "awaiting-approval"
    shown = json.loads(bob("jobs", "show", job, "--output", "json").stdout)
    assert all(step["state"] == "pending" for user in shown["users"] for step in user["steps"])

    resumed = alice("jobs", "resume", job)
    assert resumed.returncode == 4, resumed.stderr
    assert f"job {job} of 2 users awaits approval, and nothing was sent" in resumed.stderr

    for own in (alice, alice_elsewhere):
        refused = own("jobs", "approve", job)
        assert refused.returncode == 4, refused.stderr
        assert (f"Refused: you asked for job {job} (as alice@host-a), and four eyes need another operator to approve it; "
                "nothing changed") in refused.stderr
    assert state_of(bob, job) == "awaiting-approval"

    checked = bob("jobs", "approve", job, "--dry-run", "--output", "json")
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout)[0]["dryRun"] is True
    assert state_of(bob, job) == "awaiting-approval"

    approved = bob("jobs", "approve", job, "--output", "json")
    assert approved.returncode == 0, approved.stderr
    report = json.loads(approved.stdout)
    validate("jobs approve", report)
    assert report[0] == {"job": job, "state": "planned", "requestedBy": "alice@host-a", "approvedBy": "bob@host-b",
                         "ticket": "INC-4242", "dryRun": False, "next": f"authdesk jobs resume {job}"}

    again = carol("jobs", "approve", job)
    assert again.returncode == 2, again.stderr
    assert f"job {job} is planned, not awaiting approval" in again.stderr

    entries = json.loads(carol("journal", "--output", "json").stdout)
    approvals = [(e["action"], e["operator"], e["outcome"], e["ticket"]) for e in entries if e["job"] == job]
    assert approvals == [("request approval", "alice@host-a", "succeeded", "INC-4242"),
                         ("approve job", "alice@host-a", "refused", "INC-4242"),
                         ("approve job", "alice@host-z", "refused", "INC-4242"),
                         ("approve job", "bob@host-b", "succeeded", "INC-4242")]

    ran = alice("jobs", "resume", job)
    assert ran.returncode == 0, ran.stderr
    assert state_of(alice, job) == "finished"
    verified = carol("journal", "verify")
    assert verified.returncode == 0, verified.stdout + verified.stderr


def console_as(team, user, host):
    config, state, environment = team
    home = cli_env()["HOME"]
    env = {"USER": user, "AUTHDESK_HOST": host, "AUTHDESK_STATE_DIR": str(state), **environment}
    return Terminal(("--config", str(config)), rows=30, cols=110, env=env, home=home)


def open_jobs(term, job):
    term.wait_for("Cameron White", timeout=30)
    term.type(":jobs")
    term.press("enter")
    return term.wait_for(lambda s: "Jobs in the journal" in s and job in s)


def test_the_console_holds_a_confirmed_job_refuses_its_operator_and_approves_for_another(team):
    alice = console_as(team, "alice", "host-a")
    try:
        alice.wait_for("Cameron White", timeout=30)
        for query in ("Cameron White", "avery.howard"):
            alice.press("/")
            alice.child.send("\x15")
            alice.type(query)
            alice.wait_for(lambda s, q=query: "1 user" in s and f"/ {q}" in s)
            alice.press("enter")
            alice.type(" ")
        alice.wait_for("marked: contoso 2")
        alice.type("R")
        alice.wait_for("choose the policy")
        alice.press("enter")
        alice.wait_for("plan (dry run)")
        alice.press("enter")
        alice.wait_for("Type RESET 2 to run:")
        alice.type("RESET 2")
        alice.press("enter")
        screen = alice.wait_for(lambda s: "Jobs in the journal" in s and "awaiting-approval" in s, timeout=30)
        assert "at or above the team's approval threshold of 2" in screen
        job = re.search(r"(\d{8}-\d{6}-[0-9a-f]{4})\s+awaiting-approval", screen).group(1)

        alice.press("enter")
        screen = alice.wait_for("awaits approval by another operator (a approves it); nothing was sent")
        alice.type("a")
        alice.wait_for(f"Approve job {job} of 2 users")
        alice.press("enter")
        screen = alice.wait_for("four eyes need another operator")
        assert f"Refused: you asked for job {job} (as alice@host-a)" in screen
    finally:
        alice.close()

    bob = console_as(team, "bob", "host-b")
    try:
        open_jobs(bob, job)
        bob.type("a")
        bob.wait_for(f"Approve job {job} of 2 users")
        bob.press("esc")
        bob.wait_for(f"Job {job} was not approved")
        bob.type("a")
        bob.wait_for(f"Approve job {job} of 2 users")
        bob.press("enter")
        screen = bob.wait_for(lambda s: f"Approved job {job}" in s and re.search(job + r"\s+planned", s))
        assert "awaiting-approval" not in screen
    finally:
        bob.close()
    entries = json.loads(operator(team, "carol", "host-c")("journal", "--output", "json").stdout)
    assert [(e["action"], e["operator"], e["outcome"]) for e in entries if e["job"] == job] == [
        ("request approval", "alice@host-a", "succeeded"), ("approve job", "alice@host-a", "refused"),
        ("approve job", "bob@host-b", "succeeded")]


def test_another_processs_change_appears_on_the_activity_screen(team, postgres_cluster):
    """psql stands for another host writing to the shared journal (a lease taken, a job moved):
    each appears on :activity while it is open, newest first, with no secret."""
    config, _, environment = team
    database = re.search(r"/([^/?]+)\?", config.read_text()).group(1)
    bob = console_as(team, "bob", "host-b")
    try:
        bob.wait_for("Cameron White", timeout=30)
        bob.type(":activity")
        bob.press("enter")
        bob.wait_for("nothing has happened since the console started")
        postgres_cluster.psql(
            "INSERT INTO user_lease (tenant, user_id, token, operator_name, host, pid, ticket, since, expires_at) "
            "VALUES ('contoso', 'u-avery', 'token-9', 'carol@host-c', 'host-c', 7, 'INC-5', now(), now() + interval '1 minute')",
            database=database)
        bob.wait_for("lease taken  contoso  u-avery  carol@host-c (host-c)")
        postgres_cluster.psql(
            "INSERT INTO job (id, created_at, operator_name, policy, state, updated_at) "
            "VALUES ('20261203-000000-beef', now(), 'carol@host-c', 'portal', 'awaiting-approval', now())",
            database=database)
        screen = bob.wait_for("job 20261203-000000-beef is awaiting-approval  carol@host-c")
        lines = screen.split("\n")
        job_line = next(i for i, line in enumerate(lines) if "20261203-000000-beef" in line)
        lease_line = next(i for i, line in enumerate(lines) if "lease taken" in line)
        assert job_line < lease_line, "newest first"
        assert "token-9" not in screen
    finally:
        bob.close()


def test_without_team_mode_activity_says_how_to_turn_it_on(console):
    # 80x24, the size the console is designed for: the sentences wrap in the box, none is cut.
    term = console(rows=24, cols=80)
    term.wait_for("Cameron White", timeout=30)
    term.type(":activity")
    term.press("enter")
    screen = term.wait_for("Team mode is off")
    box = " ".join(part.strip() for line in screen.splitlines() for part in line.split("│")[1:2] if part.strip())
    assert "…" not in box
    for sentence in ("Team mode is off: this console uses the local journal, so there is no other operator's activity to show.",
                     'Turn it on with [team] journal_url = "postgresql://USER@HOST:5432/DATABASE" in the configuration,',
                     "or AUTHDESK_JOURNAL_URL (the password from PGPASSWORD or ~/.pgpass)."):
        assert sentence in box, box
