"""The single-user commands of INTERFACES.md (methods writes, tap, password, sessions), run as an
operator would: the real binary, signed in with a device code, against `authdesk sandbox serve`
or the embedded sandbox."""
import json
import os
import pty
import select
import subprocess
import time

import pytest

from cli import cli_env, operator_config, served_fixture
from terminal import BINARY

CAMERON = "CameronW@contoso.com"
MOBILE_ID = "3179e48a-750b-4051-897c-87b9720928f7"
EMAIL_ID = "3ddfcfc8-9383-446f-83cc-3ab9be4be18f"


def run(*args, env=None, input=None):
    return subprocess.run([str(BINARY), *args], env=cli_env(env), capture_output=True, text=True,
                          input=input, timeout=90)


# A sandbox of its own (these tests change it), approving device codes after 200 ms.
sandbox = served_fixture("--users", "20", "--device-code-delay-ms", "200")


@pytest.fixture(scope="module")
def operator(sandbox, tmp_path_factory):
    """A config file whose profile signs in as contoso's operator with a device code; returns a
    function that runs authdesk with it."""
    config = tmp_path_factory.mktemp("config") / "config.toml"
    operator_config(sandbox, config)

    def authdesk(*args, input=None):
        return run("--config", str(config), *args, input=input)
    return authdesk


def methods(authdesk, user):
    result = authdesk("methods", "list", user, "--output", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def the_sign_in_prompt_only(stderr):
    """A real tenant's operator must see the device-code prompt: it is the only thing on stderr."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "enter the code" in lines[0], stderr


def test_phone_added_updated_and_sms_sign_in_switched(operator):
    added = operator("methods", "add-phone", CAMERON, "--type", "mobile", "--number", "+1 2065555555",
                     "--output", "json")
    assert added.returncode == 0, added.stderr
    the_sign_in_prompt_only(added.stderr)
    assert json.loads(added.stdout)[0]["id"] == MOBILE_ID
    phones = [m for m in methods(operator, CAMERON) if m["kind"] == "phone"]
    assert [(p["title"], p["summary"]) for p in phones] == [("Mobile phone", "+1 2065555555")]

    updated = operator("methods", "update-phone", CAMERON, "--type", "mobile", "--number", "+44 7700900123")
    assert updated.returncode == 0, updated.stderr
    phones = [m for m in methods(operator, CAMERON) if m["kind"] == "phone"]
    assert [p["summary"] for p in phones] == ["+44 7700900123"]

    enabled = operator("methods", "sms-sign-in", CAMERON, "--enable", "--output", "json")
    assert enabled.returncode == 0, enabled.stderr
    assert "state: ready" in json.loads(enabled.stdout)[0]["result"]
    disabled = operator("methods", "sms-sign-in", CAMERON, "--disable", "--output", "json")
    assert disabled.returncode == 0, disabled.stderr
    assert "state: notEnabled" in json.loads(disabled.stdout)[0]["result"]


def test_email_added_updated_and_deleted(operator):
    user = "avery.howard@contoso.com"
    added = operator("methods", "add-email", user, "avery@example.org")
    assert added.returncode == 0, added.stderr
    emails = [m["summary"] for m in methods(operator, user) if m["kind"] == "email"]
    assert emails == ["avery@example.org"]
    updated = operator("methods", "update-email", user, "avery.h@example.net")
    assert updated.returncode == 0, updated.stderr
    emails = [m["summary"] for m in methods(operator, user) if m["kind"] == "email"]
    assert emails == ["avery.h@example.net"]
    deleted = operator("methods", "delete", user, EMAIL_ID, "--output", "csv")
    assert deleted.returncode == 0, deleted.stderr
    assert "deleted" in deleted.stdout
    assert [m for m in methods(operator, user) if m["kind"] == "email"] == []


def test_deleting_a_method_uses_its_own_type(operator):
    user = "zoe.lindqvist@contoso.com"
    before = methods(operator, user)
    fido = next(m for m in before if m["kind"] == "fido2")
    deleted = operator("methods", "delete", user, fido["id"])
    assert deleted.returncode == 0, deleted.stderr
    after = methods(operator, user)
    assert [m["id"] for m in after] == [m["id"] for m in before if m["id"] != fido["id"]]


def test_an_unknown_method_id_lists_the_users_methods(operator):
    user = "avery.howard@contoso.com"
    result = operator("methods", "delete", user, "no-such-method")
    assert result.returncode == 2, result.stderr
    assert "no-such-method" in result.stderr
    for method in methods(operator, user):
        assert method["id"] in result.stderr and method["kind"] in result.stderr


@pytest.mark.parametrize("number, hint", [
    ("2065555555", "must start with +"),
    ("+1 206-555-5555", "4 to 15 digits"),
    ("+1-2065555555", "exactly one space"),
])
def test_a_bad_number_is_refused_before_anything_is_sent(number, hint):
    # The profile points at a closed port: any attempt to sign in or send would fail with 3 or 1.
    env = {"AZURE_TENANT_ID": "contoso.com", "AZURE_CLIENT_ID": "c", "AZURE_AUTHORITY_HOST": "http://127.0.0.1:9",
           "AUTHDESK_GRAPH_URL": "http://127.0.0.1:9"}
    result = run("methods", "add-phone", CAMERON, "--type", "mobile", "--number", number, env=env)
    assert result.returncode == 2, result.stderr
    assert hint in result.stderr
    assert "+<country code> <number>" in result.stderr
    assert "enter the code" not in result.stderr  # no sign-in was attempted


@pytest.mark.parametrize("args, hint", [
    (["methods", "add-phone", CAMERON, "--type", "pager", "--number", "+1 2065555555"], "mobile"),
    (["methods", "sms-sign-in", CAMERON], "--enable or --disable"),
    (["methods", "sms-sign-in", CAMERON, "--enable", "--disable"], "--enable or --disable"),
    (["methods", "add-email", CAMERON, "not-an-address"], "name@domain.tld"),
    (["tap", "create", CAMERON, "--lifetime-minutes", "5"], "10 to 43200"),
    (["tap", "create", CAMERON, "--lifetime-minutes", "43201"], "10 to 43200"),
    (["tap", "create", CAMERON, "--start", "tomorrow"], "2026-12-01T09:00:00Z"),
    (["password", "reset", CAMERON, "--generate", "--password-stdin"], "at most one"),
])
def test_bad_input_exits_2_and_says_what_is_valid(args, hint):
    env = {"AZURE_TENANT_ID": "contoso.com", "AZURE_CLIENT_ID": "c", "AZURE_AUTHORITY_HOST": "http://127.0.0.1:9",
           "AUTHDESK_GRAPH_URL": "http://127.0.0.1:9"}
    result = run(*args, env=env)
    assert result.returncode == 2, (args, result.stderr)
    assert hint in result.stderr, result.stderr


def test_a_temporary_access_pass_is_printed_once(operator):
    result = operator("tap", "create", "soren.kjaergaard@contoso.com", "--lifetime-minutes", "60", "--usable-once",
                      "--output", "json")
    assert result.returncode == 0, result.stderr
    [row] = json.loads(result.stdout)
    tap = row["temporaryAccessPass"]
    assert tap and row["lifetimeInMinutes"] == 60 and row["isUsableOnce"] is True
    assert result.stdout.count(tap) == 1
    assert tap not in result.stderr
    kinds = [m["kind"] for m in methods(operator, "soren.kjaergaard@contoso.com")]
    assert "temporaryAccessPass" in kinds


def test_a_pass_that_starts_later(operator):
    result = operator("tap", "create", "avery.howard@contoso.com", "--start", "2030-01-02T09:00:00Z",
                      "--lifetime-minutes", "120", "--output", "json")
    assert result.returncode == 0, result.stderr
    [row] = json.loads(result.stdout)
    assert row["startDateTime"] == "2030-01-02T09:00:00Z"


def test_password_reset_generated_is_printed_once_and_followed_to_the_end(operator):
    result = operator("password", "reset", CAMERON, "--output", "json")
    assert result.returncode == 0, result.stderr
    [row] = json.loads(result.stdout)
    password = row["newPassword"]
    assert password
    assert row["status"] == "succeeded" and row["statusDetail"] == "ResetSuccess"
    assert result.stdout.count(password) == 1
    assert password not in result.stderr
    the_sign_in_prompt_only(result.stderr)  # no progress: stderr is not a terminal


def test_password_reset_no_wait_prints_the_operation_url(operator, sandbox):
    result = operator("password", "reset", "avery.howard@contoso.com", "--no-wait", "--output", "json")
    assert result.returncode == 0, result.stderr
    [row] = json.loads(result.stdout)
    assert row["status"] == "accepted"
    assert row["operation"].startswith(sandbox["graph"] + "/users/")
    assert "/authentication/operations/" in row["operation"]
    assert row["newPassword"] not in result.stderr


def test_a_synced_users_reset_fails_with_the_reason(operator):
    secret = "Winter-Sun-2027!"
    result = operator("password", "reset", "soren.kjaergaard@contoso.com", "--password-stdin", input=secret + "\n")
    assert result.returncode == 1, result.stderr
    assert "OnPremisesPasswordWritebackNotEnabled" in result.stderr
    assert "failed" in result.stdout
    assert secret not in result.stdout + result.stderr


def test_an_empty_password_on_stdin_is_bad_input(operator):
    result = operator("password", "reset", CAMERON, "--password-stdin", input="")
    assert result.returncode == 2
    assert "8 to 256 characters" in result.stderr


def test_an_admin_is_out_of_reach_of_an_authentication_administrator(operator):
    admin = "priya.raman@contoso.com"
    before = methods(operator, admin)
    for args in (["methods", "add-phone", admin, "--type", "office", "--number", "+1 4255550100"],
                 ["password", "reset", admin],
                 ["methods", "delete", admin, MOBILE_ID]):
        result = operator(*args)
        assert result.returncode == 4, (args, result.stderr)
        assert "Pre-flight: the service will refuse this: Priya Raman is a Global Administrator" in result.stderr
        assert "Privileged Authentication Administrator" in result.stderr and "Nothing was sent" in result.stderr
        forced = operator(*args, "--force")  # the service decides, and refuses
        assert forced.returncode == 4, (args, forced.stderr)
        assert "accessDenied" in forced.stderr and "request id" in forced.stderr
        assert "Privileged Authentication Administrator" in forced.stderr
    assert methods(operator, admin) == before


def test_read_only_refuses_before_sending_and_changes_nothing(operator):
    before = methods(operator, CAMERON)
    for args in (["methods", "add-phone", CAMERON, "--type", "office", "--number", "+1 4255550100"],
                 ["methods", "delete", CAMERON, "28c10230-6103-485e-b985-444c60001490"],
                 ["tap", "create", CAMERON],
                 ["password", "reset", CAMERON],
                 ["sessions", "revoke", CAMERON]):
        result = operator("--read-only", *args)
        assert result.returncode == 4, (args, result.stderr)
        assert "read-only" in result.stderr
        assert "enter the code" not in result.stderr  # refused before signing in
    assert methods(operator, CAMERON) == before


def test_sessions_revoke(operator):
    result = operator("sessions", "revoke", CAMERON, "--output", "json")
    assert result.returncode == 0, result.stderr
    [row] = json.loads(result.stdout)
    assert row["user"] == CAMERON and row["result"] == "sign-in sessions revoked (refresh tokens and session cookies)"


def test_the_embedded_sandbox_signs_in_its_operator_for_a_reset():
    result = run("password", "reset", CAMERON, "--output", "json")
    assert result.returncode == 0, result.stderr
    [row] = json.loads(result.stdout)
    assert row["status"] == "succeeded"
    assert result.stderr == ""  # the embedded sandbox's prompt needs no action: shown on a terminal only


def test_the_embedded_sandbox_refuses_an_admin_and_read_only():
    result = run("methods", "add-phone", "priya.raman@contoso.com", "--type", "office", "--number", "+1 4255550100")
    assert result.returncode == 4, result.stderr
    result = run("--read-only", "methods", "add-phone", CAMERON, "--type", "office", "--number", "+1 4255550100")
    assert result.returncode == 4, result.stderr


def test_progress_goes_to_a_terminal_and_the_password_only_to_stdout():
    """stderr on a pseudo-terminal, stdout on a pipe: the statuses and the sign-in prompt are
    shown on the terminal, the password only on stdout."""
    master, slave = pty.openpty()
    process = subprocess.Popen([str(BINARY), "password", "reset", CAMERON], env=cli_env(),
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    terminal = b""
    while True:
        ready, _, _ = select.select([master], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        terminal += chunk
    try:
        stdout = process.communicate(timeout=60)[0].decode()
    finally:
        process.kill()
        os.close(master)
    assert process.returncode == 0
    shown = terminal.decode()
    assert "enter the code" in shown
    assert "running" in shown and "succeeded" in shown
    lines = stdout.splitlines()
    assert lines[0].split()[:3] == ["USER", "STATUS", "DETAIL"]
    password = lines[1].split()[3]
    assert password not in shown
    assert stdout.count(password) == 1


def read_until(fd, needle, timeout=30):
    """What the terminal shows until `needle` appears (or the child closes it)."""
    shown = b""
    deadline = time.monotonic() + timeout
    while needle not in shown and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            break
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    return shown


def test_a_password_typed_on_a_terminal_is_not_echoed():
    secret = "Typed-On-A-Tty-42"
    master, slave = pty.openpty()
    process = subprocess.Popen([str(BINARY), "password", "reset", CAMERON, "--password-stdin"], env=cli_env(),
                               stdin=slave, stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    shown = read_until(master, b"New password: ")
    assert b"New password: " in shown
    os.write(master, (secret + "\n").encode())
    shown += read_until(master, b"succeeded")
    try:
        stdout = process.communicate(timeout=60)[0].decode()
    finally:
        process.kill()
        os.close(master)
    assert process.returncode == 0
    assert b"succeeded" in shown
    assert secret.encode() not in shown
    assert secret not in stdout and "succeeded" in stdout
