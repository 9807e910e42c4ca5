"""Team mode's shared jobs through the real binary: two "hosts" (two processes with their own
HOME, state folder, USER and AUTHDESK_HOST) against one PostgreSQL journal started by the tests'
harness, and a sandbox served apart (its request counts say what was sent)."""
import json
import signal
import subprocess

from cli import cli_env, graph_env, sandbox_requests, served
from terminal import BINARY
from test_reset_mfa import AVERY, generated_users, users_file, wait_for


def host(name, tmp_path, journal, sandbox=None):
    """The environment of host `name`: its own home and state folder, its operator and host name,
    the team journal (URL and password) and, with a sandbox, its tenant."""
    url, secrets = journal
    extra = {"AUTHDESK_STATE_DIR": str(tmp_path / name / "state"), "USER": name, "AUTHDESK_HOST": name + "-host",
             "AUTHDESK_JOURNAL_URL": url, **secrets}
    if sandbox:
        extra.update(graph_env(sandbox))
    return cli_env(extra, prefix=f"authdesk-{name}-")


def run(*args, env, timeout=120):
    return subprocess.run([str(BINARY), *args], env=env, capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL)


def json_of(*args, env):
    result = run(*args, "--output", "json", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout)


def start_job(env, path, sandbox_state):
    """Starts host A's reset of the users in `path`, one at a time; returns the process and the job's id."""
    process = subprocess.Popen(
        [str(BINARY), "reset-mfa", "--users-file", path, "--yes", "--policy", "all", "--concurrency", "1"],
        env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def job_id():
        listed = run("jobs", "list", "--output", "json", env=env)
        return listed.returncode == 0 and json.loads(listed.stdout) and json.loads(listed.stdout)[0]["id"]

    return process, wait_for(job_id, "the job to be journalled in the team journal")


def steps_done(job, env, at_least):
    def enough():
        shown = json_of("jobs", "show", job, env=env)
        return shown["counts"]["stepsDone"] >= at_least and shown
    return wait_for(enough, f"{at_least} steps to be done")


def test_a_job_killed_on_one_host_is_resumed_on_another_with_no_method_deleted_twice(tmp_path, team_journal):
    with served("--users", "30", "--latency-ms", "150") as sandbox:
        a = host("alice", tmp_path, team_journal, sandbox)
        b = host("bob", tmp_path, team_journal, sandbox)
        path = users_file(tmp_path, [AVERY] + generated_users(sandbox, tmp_path / "lookup", 6))
        process, job = start_job(a, path, sandbox)
        steps_done(job, a, 3)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)

        # Host B sees host A's job, as A left it, with A's operator and host.
        listed = {j["id"]: j for j in json_of("jobs", "list", env=b)}
        assert listed[job]["operator"].startswith("alice@") and listed[job]["host"] == "alice-host"
        assert listed[job]["state"] == "running"
        killed = json_of("jobs", "show", job, env=b)
        assert killed["counts"]["stepsDone"] < killed["counts"]["steps"], "the job finished before the kill"
        deletes = [s for u in killed["users"] for s in u["steps"] if s["action"] == "delete"]
        in_flight = [s for s in deletes if s["state"] == "sent"]  # sent without a journalled answer: sent again
        before = sandbox_requests(sandbox)["sent"].get("DELETE", 0)
        done_before = [s for s in deletes if s["state"] == "done"]

        resumed = run("jobs", "resume", job, "--output", "json", env=b)
        assert resumed.returncode == 0, resumed.stdout + resumed.stderr
        assert {r["state"] for r in json.loads(resumed.stdout)} == {"done"}

        after = json_of("jobs", "show", job, env=a)
        assert after["job"]["state"] == "finished" and after["job"]["host"] == "bob-host"
        assert after["counts"]["stepsDone"] == after["counts"]["steps"]
        # Each method deleted exactly once: B reads each user's methods again once it holds the
        # user, so a step A left `sent` whose delete reached the service is journalled done, not sent again.
        sent_by_b = sandbox_requests(sandbox)["sent"].get("DELETE", 0) - before
        assert before + sent_by_b == len(deletes), "B sent a delete that A had done, or skipped one"
        assert len(done_before) <= before <= len(done_before) + len(in_flight), "A's deletes are not what it journalled"
        audit = [e for e in json_of("journal", env=b) if e["job"] == job]
        assert len(audit) == after["counts"]["steps"]
        assert {e["outcome"] for e in audit} == {"succeeded"}
        assert json_of("jobs", "list", env=a)[0]["host"] == "bob-host"


def test_a_local_journal_is_migrated_with_its_chain_and_a_second_migration_is_refused(tmp_path, team_journal):
    url, secrets = team_journal
    with served("--users", "10") as sandbox:
        local = cli_env({"AUTHDESK_STATE_DIR": str(tmp_path / "state"), **graph_env(sandbox), **secrets})
        done = run("reset-mfa", "--users-file", users_file(tmp_path, [AVERY]), "--yes", env=local)
        assert done.returncode == 0, done.stdout + done.stderr
        local_jobs = json_of("jobs", "list", env=local)
        local_audit = json_of("journal", env=local)
        assert local_jobs and local_audit

        migrated = json_of("journal", "migrate", "--to", url, env=local)
        # Every step of the job succeeded: one audit entry (and one signed checkpoint) a step.
        assert migrated == [{"from": str(tmp_path / "state" / "journal.sqlite"), "to": url, "jobs": 1, "users": 1,
                             "steps": len(local_audit), "auditEntries": len(local_audit),
                             "checkpoints": len(local_audit), "chainIntact": True}]

        team = dict(local, AUTHDESK_JOURNAL_URL=url)
        assert json_of("jobs", "list", env=team) == local_jobs
        assert json_of("journal", env=team) == local_audit
        verified = run("journal", "verify", env=team)
        assert verified.returncode == 0, verified.stdout + verified.stderr
        assert f"OK: {len(local_audit)} entries intact" in verified.stdout

        again = run("journal", "migrate", "--to", url, env=local)
        assert again.returncode == 2, again.stdout + again.stderr
        assert "already holds jobs or audit entries" in again.stderr
        assert json_of("journal", env=team) == local_audit


def test_postgresql_stopped_mid_job_stops_the_sending_and_resume_finishes_the_job(tmp_path, postgres_cluster):
    journal = (postgres_cluster.url(postgres_cluster.create_database()), postgres_cluster.environment())
    with served("--users", "40", "--latency-ms", "150") as sandbox:
        a = host("alice", tmp_path, journal, sandbox)
        # 25 users one at a time, each at least three round trips of 150 ms (read again once held,
        # its deletes, verify): over 11 s of work, so the outage below, once 3 steps are
        # journalled done, always falls mid-job.
        path = users_file(tmp_path, [AVERY] + generated_users(sandbox, tmp_path / "lookup", 24))
        process, job = start_job(a, path, sandbox)
        steps_done(job, a, 3)
        postgres_cluster.halt()
        try:
            # The engine stops at its first journal access that gets no answer (5 s, then a new
            # connection refused) and every access after fails at once: well within 30 s.
            _, err = process.communicate(timeout=30)
            sent_while_down = sandbox_requests(sandbox)["sent"].get("DELETE", 0)
            assert process.returncode not in (0, None), err
            assert "PostgreSQL at " + journal[0] in err, err
        finally:
            postgres_cluster.resume()
        stopped = json_of("jobs", "show", job, env=a)
        assert stopped["counts"]["stepsDone"] < stopped["counts"]["steps"], "the job finished before the outage"
        deletes = [s for u in stopped["users"] for s in u["steps"] if s["action"] == "delete"]
        done = [s for s in deletes if s["state"] == "done"]
        in_flight = [s for s in deletes if s["state"] == "sent"]
        # Nothing was sent that was not journalled `sent` first.
        assert len(done) <= sent_while_down <= len(done) + len(in_flight)

        resumed = run("jobs", "resume", job, "--output", "json", env=a)
        assert resumed.returncode == 0, resumed.stdout + resumed.stderr
        after = json_of("jobs", "show", job, env=a)
        assert after["job"]["state"] == "finished"
        assert after["counts"]["stepsDone"] == after["counts"]["steps"]
        # Each method deleted exactly once: the resume reads each user's methods again, so a step
        # left `sent` whose delete reached the service before the outage is journalled done, not sent again.
        assert sandbox_requests(sandbox)["sent"].get("DELETE", 0) == len(deletes)
