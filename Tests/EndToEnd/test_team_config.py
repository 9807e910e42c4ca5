"""[team] and AUTHDESK_JOURNAL_URL through the real binary: a bad journal URL is refused with what
is valid, before anything is opened or sent; a good one that cannot be reached is reported with its
URL and what PostgreSQL's side said, and nothing is journalled locally in its place."""
import os
import subprocess

from cli import cli_env
from terminal import BINARY

VALID = "a journal URL is postgresql://USER@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require|verify-full]"


def run(*args, env):
    return subprocess.run([str(BINARY), *args], env=env, capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL)


def test_a_bad_journal_url_in_the_environment_is_refused_with_what_is_valid():
    env = cli_env({"AUTHDESK_JOURNAL_URL": "postgresql://ops@db.example.net/authdesk?sslmode=allow"})
    for args in (["jobs", "list"], ["users", "search", "adele"]):
        result = run(*args, env=env)
        assert result.returncode == 2, result.stderr
        assert "AUTHDESK_JOURNAL_URL: sslmode 'allow' is not one of disable, prefer, require, verify-full" in result.stderr
        assert VALID in result.stderr
    assert not os.path.exists(os.path.join(env["XDG_STATE_HOME"], "authdesk"))


def test_a_password_in_the_configured_url_is_refused_and_not_repeated():
    env = cli_env()
    os.makedirs(os.path.join(env["XDG_CONFIG_HOME"], "authdesk"))
    with open(os.path.join(env["XDG_CONFIG_HOME"], "authdesk", "config.toml"), "w") as config:
        config.write('[team]\njournal_url = "postgresql://ops:hunter2@db.example.net/authdesk"\n')
    result = run("users", "search", "adele", env=env)
    assert result.returncode == 2, result.stderr
    assert "[team] journal_url: the URL holds a password; give it in PGPASSWORD or ~/.pgpass instead" in result.stderr
    assert "hunter2" not in result.stderr + result.stdout


def test_an_unreachable_shared_journal_is_reported_and_nothing_is_journalled_locally():
    env = cli_env({"AUTHDESK_JOURNAL_URL": "postgresql://ops@127.0.0.1:1/authdesk?sslmode=disable", "PGPASSWORD": "hunter2"})
    for args in (["jobs", "list"], ["users", "search", "adele"]):
        result = run(*args, env=env)
        assert result.returncode == 1, result.stderr
        assert "cannot reach PostgreSQL at postgresql://ops@127.0.0.1:1/authdesk?sslmode=disable" in result.stderr
        assert "hunter2" not in result.stderr + result.stdout
    assert not os.path.exists(os.path.join(env["XDG_STATE_HOME"], "authdesk", "journal.sqlite"))
