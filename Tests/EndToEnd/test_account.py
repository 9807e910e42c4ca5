"""The account around the methods (issue 16): `users show`, block and unblock, per-user MFA and
the default method, on the command line against `authdesk sandbox serve` (read back over the
wire) and in the console on the embedded sandbox (the pane reads the account again)."""
import json
import subprocess

import pytest

from cli import cli_env, served, tenant
from console_steps import skip_ticket
from terminal import BINARY

CAMERON = "CameronW@contoso.com"
MARTA = "auth0|65f2b7c8d9e0f1a2b3c4d5e6"


def run(*args, env=None):
    return subprocess.run([str(BINARY), *args], env=cli_env(env), capture_output=True, text=True, timeout=90)


@pytest.fixture(scope="module")
def sandbox():
    with served("--users", "10", "--device-code-delay-ms", "200") as first:
        yield first


@pytest.fixture(scope="module")
def authdesk(sandbox, tmp_path_factory):
    """Runs authdesk with a config of three profiles: contoso's operator (device code), fabrikam
    (no P1 licence) and the Auth0 tenant."""
    contoso, fabrikam, auth0 = tenant(sandbox, "contoso"), tenant(sandbox, "fabrikam"), sandbox["auth0"]
    config = tmp_path_factory.mktemp("config") / "config.toml"
    config.write_text(f'''
default_profile = "contoso"
[profiles.contoso]
provider = "graph"
tenant_id = "{contoso["id"]}"
client_id = "{contoso["clientId"]}"
sign_in = "device-code"
authority_url = "{sandbox["authority"]}"
graph_url = "{sandbox["authority"]}"
[profiles.fabrikam]
provider = "graph"
tenant_id = "{fabrikam["id"]}"
client_id = "{fabrikam["clientId"]}"
sign_in = "client-secret"
client_secret = "{fabrikam["clientSecret"]}"
authority_url = "{sandbox["authority"]}"
graph_url = "{sandbox["authority"]}"
[profiles.acme]
provider = "auth0"
domain = "{auth0["domain"]}"
client_id = "{auth0["clientId"]}"
client_secret = "{auth0["clientSecret"]}"
''')
    config.chmod(0o600)
    state = {"AUTHDESK_STATE_DIR": str(tmp_path_factory.mktemp("state"))}

    def authdesk(*args):
        return run("--config", str(config), *args, env=state)
    return authdesk


def show(authdesk, *args):
    result = authdesk("users", "show", *args, "--output", "json")
    assert result.returncode == 0, result.stderr
    [account] = json.loads(result.stdout)
    return account


def test_users_show_tells_the_account_and_what_the_tenant_refuses(authdesk):
    zoe = show(authdesk, "zoe.lindqvist@contoso.com")
    assert zoe["accountEnabled"] == "true"
    assert zoe["perUserMfaState"] == "enforced"
    assert zoe["isMfaRegistered"] == "true"
    assert "fido2SecurityKey" in zoe["methodsRegistered"]
    assert zoe["lastSignIn"] == "2026-12-02T17:45:10Z"
    table = authdesk("users", "show", "zoe.lindqvist@contoso.com")
    assert table.returncode == 0
    assert "Per-user MFA    enforced" in table.stdout or "Per-user MFA" in table.stdout

    kenji = authdesk("users", "show", "kenji.tanaka@fabrikam.com", "--profile", "fabrikam")
    assert kenji.returncode == 0, kenji.stderr
    assert "not available (the tenant needs a Microsoft Entra ID P1 or P2 licence" in kenji.stdout
    assert "Authentication_RequestFromNonPremiumTenantOrB2CTenant" in kenji.stdout


def test_block_and_unblock_are_read_back(authdesk):
    blocked = authdesk("users", "block", CAMERON, "--output", "json")
    assert blocked.returncode == 0, blocked.stderr
    assert json.loads(blocked.stdout)[0]["accountEnabled"] == "false"
    assert show(authdesk, CAMERON)["accountEnabled"] == "false"
    unblocked = authdesk("users", "unblock", CAMERON)
    assert unblocked.returncode == 0, unblocked.stderr
    assert show(authdesk, CAMERON)["accountEnabled"] == "true"
    journal = authdesk("journal", "--output", "json")
    assert [e["action"] for e in json.loads(journal.stdout)][-2:] == ["block sign-in", "unblock sign-in"]


def test_blocking_an_administrator_is_refused_before_sending(authdesk):
    result = authdesk("users", "block", "priya.raman@contoso.com")
    assert result.returncode == 4
    assert "Global Administrator" in result.stderr and "Nothing was sent" in result.stderr
    assert show(authdesk, "priya.raman@contoso.com")["accountEnabled"] == "true"


def test_per_user_mfa_is_read_and_set(authdesk):
    read = authdesk("users", "mfa-state", "avery.howard@contoso.com", "--output", "json")
    assert read.returncode == 0, read.stderr
    assert json.loads(read.stdout)[0]["perUserMfaState"] == "disabled"
    bad = authdesk("users", "mfa-state", "avery.howard@contoso.com", "--set", "on")
    assert bad.returncode == 2
    assert "disabled, enabled, enforced" in bad.stderr
    done = authdesk("users", "mfa-state", "avery.howard@contoso.com", "--set", "enabled", "--output", "json")
    assert done.returncode == 0, done.stderr
    row = json.loads(done.stdout)[0]
    assert row["perUserMfaState"] == "enforced"
    assert "the service made it enforced" in row["result"]
    assert show(authdesk, "avery.howard@contoso.com")["perUserMfaState"] == "enforced"


def test_the_default_method_is_checked_then_set(authdesk):
    typo = authdesk("methods", "default", "avery.howard@contoso.com", "--method", "fido")
    assert typo.returncode == 2
    assert "push, oath, voiceMobile, voiceAlternateMobile, voiceOffice, sms" in typo.stderr
    missing = authdesk("methods", "default", "avery.howard@contoso.com", "--method", "push")
    assert missing.returncode == 2
    assert "Their methods allow: voiceMobile, sms, voiceOffice" in missing.stderr
    done = authdesk("methods", "default", "avery.howard@contoso.com", "--method", "voiceOffice")
    assert done.returncode == 0, done.stderr
    assert show(authdesk, "avery.howard@contoso.com")["defaultMethod"] == "voiceOffice"


def test_read_only_refuses_the_account_changes(authdesk):
    result = authdesk("users", "block", CAMERON, "--read-only")
    assert result.returncode == 4
    assert "read-only" in result.stderr
    assert authdesk("users", "show", CAMERON, "--read-only").returncode == 0


def test_auth0_unblock_lifts_brute_force_blocks(authdesk):
    marta = show(authdesk, MARTA, "--profile", "acme")
    assert marta["bruteForceBlocks"] == "1"
    assert marta["lastLogin"] == "2024-06-10T09:30:00Z"
    assert authdesk("users", "block", MARTA, "--profile", "acme").returncode == 0
    assert show(authdesk, MARTA, "--profile", "acme")["accountEnabled"] == "false"
    unblocked = authdesk("users", "unblock", MARTA, "--profile", "acme", "--output", "json")
    assert unblocked.returncode == 0, unblocked.stderr
    assert json.loads(unblocked.stdout)[0]["result"] == "blocked set to false; brute-force protection blocks lifted"
    after = show(authdesk, MARTA, "--profile", "acme")
    assert (after["accountEnabled"], after["bruteForceBlocks"]) == ("true", "0")
    mfa = authdesk("users", "mfa-state", MARTA, "--profile", "acme")
    assert mfa.returncode == 2
    assert "not available for Auth0" in mfa.stderr


def test_the_console_shows_the_account_and_blocks_sign_in(console):
    term = console(rows=34, cols=100)
    term.wait_for("Cameron White")
    term.press("/")
    term.type("Cameron")
    term.wait_for(lambda s: "1 user" in s and "Cameron White" in s)
    term.press("enter")
    term.wait_for(lambda s: "Methods · Cameron White" in s and "password set" in s)
    term.press("enter")
    term.wait_for(lambda s: "i account" in s.splitlines()[-1])
    term.press("i")
    screen = term.wait_for(lambda s: "Account · Cameron White" in s and "Sign-in" in s)
    assert "enabled" in screen
    assert "Per-user MFA" in screen and "Last sign-in" in screen
    term.press("b")
    skip_ticket(term)
    screen = term.wait_for("Block sign-in")
    assert "< Cancel >" in screen or "Cancel" in screen
    term.press("tab")
    term.press("enter")
    term.wait_for(lambda s: "Block sign-in: done for Cameron White" in s and "blocked (account disabled)" in s)
    term.press("b")
    term.wait_for("Unblock sign-in (and lift")
    term.press("enter")
    term.wait_for(lambda s: "Unblock sign-in: done for Cameron White" in s and "blocked (account" not in s)
    term.press("?")
    help_screen = term.wait_for("show the account (or the method) in the details pane")
    assert "block" in help_screen and "set th" in help_screen and "choose" in help_screen
