"""Leases in team mode through the real binary: two "hosts" (two processes with their own HOME,
state folder, USER and AUTHDESK_HOST) against one `authdesk sandbox serve` and one PostgreSQL.
Overlapping bulk jobs change each method once; a user held by a killed process is refused to
the other host (exit 4, who holds it, nothing sent) until the lease lapses, then changed."""
import json
import re
import signal
import subprocess
import time

from cli import cli_env, graph_env, sandbox_requests, served, wait_for
from console_steps import open_user, skip_ticket
from terminal import BINARY

HOSTS = {"a": ("alice", "jump-1"), "b": ("bob", "jump-2")}


def host_env(host, tmp_path, sandbox, journal):
    url, database_env = journal
    user, name = HOSTS[host]
    extra = dict(graph_env(sandbox), **database_env)
    extra.update({"AUTHDESK_JOURNAL_URL": url, "USER": user, "AUTHDESK_HOST": name,
                  "AUTHDESK_STATE_DIR": str(tmp_path / f"state-{host}")})
    return cli_env(extra, prefix=f"authdesk-host-{host}-")


def run(env, *args, timeout=180):
    return subprocess.run([str(BINARY), *args], env=env, capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL)


def start(env, *args):
    return subprocess.Popen([str(BINARY), *args], env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def generated_users(env, count):
    result = run(env, "users", "search", "", "--top", str(count + 20), "--output", "json")
    assert result.returncode == 0, result.stderr
    named = {"avery.howard@contoso.com", "zoe.lindqvist@contoso.com", "helpdesk@contoso.com", "CameronW@contoso.com",
             "priya.raman@contoso.com", "soren.kjaergaard@contoso.com"}
    return [u["principalName"] for u in json.loads(result.stdout) if u["principalName"] not in named][:count]


def database_of(journal):
    return journal[0].rsplit("/", 1)[1].split("?")[0]


def leases(postgres_cluster, journal):
    rows = postgres_cluster.psql("SELECT user_id, operator_name, host FROM user_lease WHERE expires_at > now()",
                                 database=database_of(journal))
    return [line.split("|") for line in rows.splitlines() if line]


def two_hosts(tmp_path, sandbox, journal, count):
    """Hosts A and B on `sandbox` and `journal`, and a users file of `count` generated users."""
    env_a = host_env("a", tmp_path, sandbox, journal)
    env_b = host_env("b", tmp_path, sandbox, journal)
    path = tmp_path / "users.txt"
    path.write_text("\n".join(generated_users(env_a, count)) + "\n")
    return env_a, env_b, path


def test_two_overlapping_bulk_jobs_from_two_hosts_delete_each_method_once(tmp_path, postgres_cluster, team_journal):
    with served("--users", "40", "--latency-ms", "60") as sandbox:
        env_a, env_b, path = two_hosts(tmp_path, sandbox, team_journal, 12)
        plan = run(env_a, "reset-mfa", "--users-file", str(path), "--dry-run", "--policy", "all", "--output", "json")
        assert plan.returncode == 0, plan.stderr
        planned = json.loads(plan.stdout)
        deletes = sum(1 for user in planned["users"] for step in user["steps"] if step["action"] == "delete")
        assert deletes > 12
        before = sandbox_requests(sandbox)

        jobs = [start(env, "reset-mfa", "--users-file", str(path), "--yes", "--policy", "all", "--concurrency", "4",
                      "--output", "json") for env in (env_a, env_b)]
        outputs = [job.communicate(timeout=300) for job in jobs]
        rows = {}
        for host, (job, (out, err)) in zip("ab", zip(jobs, outputs)):
            assert job.returncode in (0, 1), err
            rows[host] = {row["user"]: row for row in json.loads(out)}

        after = sandbox_requests(sandbox)
        sent = after["sent"].get("DELETE", 0) - before["sent"].get("DELETE", 0)
        assert sent == deletes, f"{sent} DELETE requests for {deletes} planned deletes"
        for host, env in (("a", env_a), ("b", env_b)):
            held = [row for row in rows[host].values() if row["state"] == "failed"]
            for row in held:
                assert "is being changed by" in row["reason"], row
            if held:
                resumed = run(env, "jobs", "resume", held[0]["job"], "--retry-failed", "--output", "json")
                assert resumed.returncode == 0, resumed.stdout + resumed.stderr
        ids = set(rows["a"]) | set(rows["b"])
        assert len(ids) == 12 and set(rows["a"]) == set(rows["b"])
        for user_id in ids:
            states = {rows[host][user_id]["state"] for host in "ab"}
            assert states <= {"done", "failed"}, (user_id, states)
            listed = run(env_a, "methods", "list", user_id, "--output", "json")
            assert listed.returncode == 0, listed.stderr
            assert [m["kind"] for m in json.loads(listed.stdout)] == ["password"], user_id
        assert leases(postgres_cluster, team_journal) == []


def test_a_killed_hosts_lease_refuses_the_other_host_then_lapses(tmp_path, postgres_cluster, team_journal):
    with served("--users", "30", "--latency-ms", "400") as sandbox:
        env_a, env_b, path = two_hosts(tmp_path, sandbox, team_journal, 3)
        job = start(env_a, "reset-mfa", "--users-file", str(path), "--yes", "--policy", "all", "--concurrency", "1")
        held = wait_for(lambda: leases(postgres_cluster, team_journal), "host A to hold a user")
        job.send_signal(signal.SIGKILL)
        job.wait(timeout=10)
        user_id, operator, host = held[0]
        assert (operator, host) == ("alice@jump-1", "jump-1")
        killed_at = time.monotonic()

        before = sandbox_requests(sandbox)
        refused = run(env_b, "sessions", "revoke", user_id)
        if time.monotonic() - killed_at < 25:  # the lease (30 s) cannot have lapsed yet
            assert refused.returncode == 4, refused.stdout + refused.stderr
            assert "is being changed by alice@jump-1 on jump-1 (process " in refused.stderr
            assert "nothing was sent" in refused.stderr
            assert "Authentication Administrator" not in refused.stderr  # no role hint: the role is not the reason
            after = sandbox_requests(sandbox)
            assert after["writes"] == before["writes"], "a write was sent for a leased user"

        # Nobody renews the killed process's lease: it lapses, and host B changes the user.
        wait_for(lambda: not leases(postgres_cluster, team_journal), "the killed host's lease to lapse", timeout=60)
        changed = run(env_b, "sessions", "revoke", user_id)
        assert changed.returncode == 0, changed.stdout + changed.stderr


def dialog_text(screen):
    """The dialog's lines (inside its frame, drawn over the two panes), joined as one text."""
    lines = [line.split("│")[2] for line in screen.splitlines() if line.count("│") >= 3]
    return re.sub(r"\s+", " ", " ".join(lines))


def test_the_console_on_host_b_is_refused_a_user_host_a_holds_and_sends_nothing(
        tmp_path, postgres_cluster, team_journal, console):
    with served() as sandbox:
        env_b = host_env("b", tmp_path, sandbox, team_journal)
        found = run(env_b, "users", "search", "Cameron", "--output", "json")
        assert found.returncode == 0, found.stderr
        cameron = next(u for u in json.loads(found.stdout) if u["principalName"] == "CameronW@contoso.com")
        # Host A's operator holds Cameron (a lease row as host A's change writes it, for ten minutes).
        postgres_cluster.psql(
            "INSERT INTO user_lease (tenant, user_id, token, operator_name, host, pid, ticket, since, expires_at) "
            f"VALUES ('env', '{cameron['id']}', 'token-host-a', 'alice@jump-1', 'jump-1', 4101, 'INC-7', now(), "
            "now() + interval '10 minutes')", database=database_of(team_journal))

        term = console(env={key: value for key, value in env_b.items() if key != "HOME"}, home=env_b["HOME"])
        term.wait_for("Cameron White")
        open_user(term, "Cameron", "Cameron White")
        term.press("a")
        skip_ticket(term)
        term.wait_for("Add a phone for Cameron White (CameronW@contoso.com)")
        term.press("tab")
        term.type("+1 4255550199")
        term.wait_for("Number    +1 4255550199")
        before = sandbox_requests(sandbox)
        term.press("enter")
        screen = term.wait_for(lambda s: "nothing was sent" in dialog_text(s))
        text = dialog_text(screen)
        assert ("Refused: Cameron White (CameronW@contoso.com) is being changed by alice@jump-1 on jump-1 "
                "(process 4101) since ") in text
        assert "UTC, ticket INC-7; nothing was sent" in text
        assert sandbox_requests(sandbox)["writes"] == before["writes"], "a write was sent for a user another host holds"
