"""Team mode's signed audit checkpoints across hosts, through the real binary: two "hosts" (their
own state folders, so their own signing keys) change users in one PostgreSQL journal, and each
host's `journal verify` checks every checkpoint against the key of the host that signed it."""
from cli import served
from test_reset_mfa import AVERY, ZOE, users_file
from test_team_jobs import host, json_of, run


def test_host_a_and_host_b_each_change_a_user_and_each_verifies_the_whole_journal(tmp_path, team_journal):
    with served("--users", "10") as sandbox:
        a = host("alice", tmp_path, team_journal, sandbox)
        b = host("bob", tmp_path, team_journal, sandbox)
        for env, user in ((a, AVERY), (b, ZOE)):
            path = users_file(tmp_path, [user], name=env["USER"] + "-users.txt")
            done = run("reset-mfa", "--users-file", path, "--yes", env=env)
            assert done.returncode == 0, done.stdout + done.stderr

        audit = json_of("journal", env=a)
        # Both hosts' changes are in the one audit log, each checkpoint signed by its own host's key.
        assert {(e["operator"] or "").split("@")[0] for e in audit} == {"alice", "bob"}
        key_ids = set()
        for env in (a, b):
            verified = run("journal", "verify", env=env)
            assert verified.returncode == 0, verified.stdout + verified.stderr
            assert f"OK: {len(audit)} entries intact" in verified.stdout
            assert f"{len(audit)} signed checkpoints by 2 signing hosts" in verified.stdout
            key_ids |= {line.rsplit(": ", 1)[1] for line in verified.stdout.splitlines()
                        if line.startswith("this host's key id in the team journal's signer registry: ed25519:")}
        assert len(key_ids) == 2, "each host names its own key"
