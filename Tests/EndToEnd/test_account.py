"""The account around the methods (issue 16): `users show`, block and unblock, per-user MFA and
the default method, QR code + PIN and external methods, on the command line against `authdesk sandbox serve` (read back over the
wire) and in the console on the embedded sandbox (the pane reads the account again)."""
import json
import subprocess

import pytest

from cli import auth0_profile, cli_env, graph_profile, served_fixture, tenant
from console_steps import open_user, skip_ticket
from terminal import BINARY

CAMERON = "CameronW@contoso.com"
MARTA = "auth0|65f2b7c8d9e0f1a2b3c4d5e6"


def run(*args, env=None):
    return subprocess.run([str(BINARY), *args], env=cli_env(env), capture_output=True, text=True, timeout=90)


sandbox = served_fixture("--users", "10", "--device-code-delay-ms", "200")


@pytest.fixture(scope="module")
def authdesk(sandbox, tmp_path_factory):
    """Runs authdesk with a config of three profiles: contoso's operator (device code), fabrikam
    (no P1 licence) and the Auth0 tenant."""
    fabrikam = tenant(sandbox, "fabrikam")
    config = tmp_path_factory.mktemp("config") / "config.toml"
    config.write_text('default_profile = "contoso"\n' + graph_profile(sandbox, "contoso") + f'''
[profiles.fabrikam]
provider = "graph"
tenant_id = "{fabrikam["id"]}"
client_id = "{fabrikam["clientId"]}"
sign_in = "client-secret"
client_secret = "{fabrikam["clientSecret"]}"
authority_url = "{sandbox["authority"]}"
graph_url = "{sandbox["authority"]}"
''' + auth0_profile(sandbox, "acme"))
    config.chmod(0o600)
    state = {"AUTHDESK_STATE_DIR": str(tmp_path_factory.mktemp("state"))}

    def authdesk(*args):
        return run("--config", str(config), *args, env=state)
    authdesk.config, authdesk.env = str(config), state
    return authdesk


def show(authdesk, *args):
    result = authdesk("users", "show", *args, "--output", "json")
    assert result.returncode == 0, result.stderr
    [account] = json.loads(result.stdout)
    return account


def test_users_show_tells_the_account_and_what_the_tenant_refuses(authdesk):
    zoe = show(authdesk, "zoe.lindqvist@contoso.com")
    assert zoe["accountEnabled"] is True
    assert zoe["perUserMfaState"] == "enforced"
    assert zoe["isMfaRegistered"] is True
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
    assert json.loads(blocked.stdout)[0]["accountEnabled"] is False
    assert show(authdesk, CAMERON)["accountEnabled"] is False
    unblocked = authdesk("users", "unblock", CAMERON)
    assert unblocked.returncode == 0, unblocked.stderr
    assert show(authdesk, CAMERON)["accountEnabled"] is True
    journal = authdesk("journal", "--output", "json")
    assert [e["action"] for e in json.loads(journal.stdout)][-2:] == ["block sign-in", "unblock sign-in"]


def test_blocking_an_administrator_is_refused_before_sending(authdesk):
    result = authdesk("users", "block", "priya.raman@contoso.com")
    assert result.returncode == 4
    assert "Global Administrator" in result.stderr and "Nothing was sent" in result.stderr
    assert show(authdesk, "priya.raman@contoso.com")["accountEnabled"] is True


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
    assert marta["bruteForceBlocks"] == 1
    assert marta["lastLogin"] == "2024-06-10T09:30:00Z"
    assert authdesk("users", "block", MARTA, "--profile", "acme").returncode == 0
    assert show(authdesk, MARTA, "--profile", "acme")["accountEnabled"] is False
    unblocked = authdesk("users", "unblock", MARTA, "--profile", "acme", "--output", "json")
    assert unblocked.returncode == 0, unblocked.stderr
    assert json.loads(unblocked.stdout)[0]["result"] == "blocked set to false; brute-force protection blocks lifted"
    after = show(authdesk, MARTA, "--profile", "acme")
    assert (after["accountEnabled"], after["bruteForceBlocks"]) == (True, 0)
    mfa = authdesk("users", "mfa-state", MARTA, "--profile", "acme")
    assert mfa.returncode == 2
    assert "not available for Auth0" in mfa.stderr


def test_the_console_shows_the_account_and_blocks_sign_in(console):
    term = console(rows=34, cols=100)
    term.wait_for("Cameron White")
    open_user(term, "Cameron", "Cameron White")
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


def methods(authdesk, user, *args):
    result = authdesk("methods", "list", user, "--output", "json", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_qr_code_pin_is_created_reset_and_given_a_temporary_code(authdesk):
    user = "soren.kjaergaard@contoso.com"
    bad = authdesk("methods", "qr-code", "create", user, "--expires-in-days", "400")
    assert bad.returncode == 2 and "1 to 395 days" in bad.stderr
    created = authdesk("methods", "qr-code", "create", user, "--expires-in-days", "30", "--output", "json")
    assert created.returncode == 0, created.stderr
    [row] = json.loads(created.stdout)
    assert row["pinGenerated"] is True and len(row["pin"]) == 8 and row["pin"].isdigit()
    assert [m["kind"] for m in methods(authdesk, user)].count("qrCodePin") == 1
    typed = subprocess.run([str(BINARY), "--config", authdesk.config, "methods", "qr-code", "reset-pin", user,
                            "--pin-stdin", "--output", "json"], env=cli_env(authdesk.env), input="13572468\n",
                           capture_output=True, text=True, timeout=90)
    assert typed.returncode == 0, typed.stderr
    assert json.loads(typed.stdout)[0]["pin"] is None, "a typed PIN is not printed back"
    short = subprocess.run([str(BINARY), "--config", authdesk.config, "methods", "qr-code", "reset-pin", user,
                            "--pin-stdin"], env=cli_env(authdesk.env), input="1234\n", capture_output=True, text=True, timeout=90)
    assert short.returncode == 2 and "8 to 20 digits" in short.stderr
    hours = authdesk("methods", "qr-code", "temporary", user, "--hours", "13")
    assert hours.returncode == 2 and "1 to 12" in hours.stderr
    temporary = authdesk("methods", "qr-code", "temporary", user, "--hours", "4", "--output", "json")
    assert temporary.returncode == 0, temporary.stderr
    assert json.loads(temporary.stdout)[0]["temporaryExpires"].endswith("Z")
    journal = json.loads(authdesk("journal", "--output", "json").stdout)
    actions = [e["action"] for e in journal]
    assert {"create QR code + PIN", "reset QR code PIN", "create temporary QR code"} <= set(actions)
    assert row["pin"] not in json.dumps(journal) and "13572468" not in json.dumps(journal)
    qr = next(m for m in methods(authdesk, user) if m["kind"] == "qrCodePin")
    assert authdesk("methods", "delete", user, qr["id"]).returncode == 0
    assert "qrCodePin" not in [m["kind"] for m in methods(authdesk, user)]


def test_portal_keeps_frontline_methods_and_all_removes_them(authdesk):
    olga = "olga.smirnova@fabrikam.com"
    kinds = [m["kind"] for m in methods(authdesk, olga, "--profile", "fabrikam")]
    assert "qrCodePin" in kinds and "externalAuthentication" in kinds
    plan = authdesk("reset-mfa", olga, "--profile", "fabrikam", "--dry-run", "--output", "json")
    assert plan.returncode == 0, plan.stderr
    assert "QR code + PIN" in plan.stdout and "External authentication method" in plan.stdout
    portal = authdesk("reset-mfa", olga, "--profile", "fabrikam", "--yes")
    assert portal.returncode == 0, portal.stdout + portal.stderr
    kinds = [m["kind"] for m in methods(authdesk, olga, "--profile", "fabrikam")]
    assert "qrCodePin" in kinds and "externalAuthentication" in kinds
    everything = authdesk("reset-mfa", olga, "--profile", "fabrikam", "--policy", "all", "--yes")
    assert everything.returncode == 0, everything.stdout + everything.stderr
    assert [m["kind"] for m in methods(authdesk, olga, "--profile", "fabrikam")] == ["password"]


def test_the_console_creates_a_qr_code_pin_shows_the_pin_once_adds_a_temporary_code_and_deletes_it(console):
    term = console(rows=30, cols=100)
    term.wait_for("Cameron White")
    open_user(term, "Cameron", "Cameron White")
    term.press("Q")
    skip_ticket(term)
    screen = term.wait_for("Create a QR code + PIN method")
    assert "Badge days" in screen and "365" in screen
    term.press("enter")
    screen = term.wait_for(lambda s: "PIN generated by authdesk" in s)
    assert "••••" in screen
    term.press("r")
    screen = term.wait_for(lambda s: any(word.isdigit() and len(word) == 8 for word in s.split()))
    pin = next(word for word in screen.split() if word.isdigit() and len(word) == 8)
    term.press("esc")
    screen = term.wait_for(lambda s: "QR code + PIN" in s and "badge until" in s)
    assert pin not in screen, "the PIN is gone with the dialog"
    # Every QR code action is reachable: a temporary code (v), then the method deleted (d).
    term.press("v")
    screen = term.wait_for("Temporary QR code")
    assert "Hours" in screen and "8" in screen
    term.press("tab")
    term.press("enter")
    term.wait_for(lambda s: "Temporary QR code: done for Cameron White" in s)
    for _ in range(12):
        if "Details · QR code + PIN" in term.text():
            break
        term.press("j")
        term.pump(0.2)
    term.wait_for("Details · QR code + PIN")
    term.press("d")
    term.wait_for("Delete the method QR code + PIN")
    term.press("tab")
    term.press("enter")
    term.wait_for(lambda s: "Delete a method: done for Cameron White" in s and "QR code + PIN" not in s)
