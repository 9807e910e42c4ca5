"""`reset-mfa` at the speed of the service, as an operator sees it: results as JSON lines as each
user ends, a progress line on a terminal while planning and running, and an Auth0 tenant on a
free plan's rate limit (2 requests a second) finished with no failed user."""
import json
import re

from cli import graph_env, served
from test_command_line import auth0_env
from test_reset_mfa import generated_users, run, spawn_on_terminal, users_file


def test_jsonl_writes_one_result_per_user_and_the_unreadable(tmp_path):
    state = tmp_path / "state"
    with served() as sandbox:
        env = graph_env(sandbox)
        users = generated_users(sandbox, state, 3)
        path = users_file(tmp_path, users + ["nobody@contoso.com"])
        result = run("reset-mfa", "--users-file", path, "--yes", "--output", "jsonl", state_dir=state, env=env)
    assert result.returncode == 1, result.stderr  # the unknown user
    assert result.stderr == ""  # no progress without a terminal
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 4
    assert sorted(r["state"] for r in rows) == ["done", "done", "done", "unreadable"]
    assert rows[-1]["user"] == "nobody@contoso.com"  # the streamed users first, then the rest
    assert all(set(r) == {"job", "tenant", "user", "name", "state", "done", "failed", "untouched", "kept", "reason"}
               for r in rows)
    assert all(r["failed"] == 0 and r["untouched"] == 0 for r in rows if r["state"] == "done")


def test_on_a_terminal_a_progress_line_while_planning_and_running(tmp_path):
    import pexpect
    state = tmp_path / "state"
    with served() as sandbox:
        env = graph_env(sandbox)
        users = generated_users(sandbox, state, 4)
        child = spawn_on_terminal(["reset-mfa", "--users-file", users_file(tmp_path, users), "--yes"], state, env)
        child.expect(r"planning \[[#-]{20}\] \d+/4 users read")
        child.expect(r"\[#{20}\] users 4/4 done, 0 failed, 0 running; steps (\d+)/\1, [0-9.]+/s, ended")
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == 0


def test_an_auth0_free_plan_finishes_with_no_failed_user(tmp_path):
    state = tmp_path / "state"
    with served("--auth0-rate-limit", "2") as sandbox:
        env = auth0_env(sandbox)
        found = run("users", "search", "", "--top", "40", "--output", "json", state_dir=state, env=env)
        assert found.returncode == 0, found.stderr
        users = [u["principalName"] for u in json.loads(found.stdout) if u["principalName"]][-6:]
        result = run("reset-mfa", "--users-file", users_file(tmp_path, users), "--yes", "--output", "json",
                     state_dir=state, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["state"] for r in rows] == ["done"] * 6


WAITING = re.compile(r"\] waiting for limits: ([\d.]+) s, (\w+); users \d+/(\d+) done")


def test_on_a_terminal_the_progress_line_says_when_the_run_waits_for_the_write_budget(tmp_path):
    # 20 writes per 2.5 minutes: past the 20th, the sandbox answers 429 with a Retry-After of
    # about 7.5 s, and the progress line says so (as the console's run screen does) while the
    # transport waits; Ctrl-C then pauses the job.
    import pexpect
    state = tmp_path / "state"
    with served("--users", "60", "--graph-write-budget", "20") as sandbox:
        env = graph_env(sandbox)
        users = generated_users(sandbox, state, 20)
        child = spawn_on_terminal(["reset-mfa", "--users-file", users_file(tmp_path, users), "--yes"], state, env)
        child.expect(WAITING, timeout=120)
        assert 1 <= float(child.match.group(1)) <= 10
        assert child.match.group(2) == "env"  # the profile the AZURE_* variables make
        assert int(child.match.group(3)) == len(users)
        child.sendintr()
        child.expect(pexpect.EOF, timeout=120)
        child.close()
        assert child.exitstatus == 130
