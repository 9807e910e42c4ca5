"""Auth0's own actions (issue 16) on the command line against `authdesk sandbox serve`: a TOTP
app or a security key enrolled, an enrollment ticket, all methods replaced or deleted,
remembered browsers forgotten; each read back over the wire (`methods list`, the sandbox's
request counts), journalled without its secrets, refused before sending on bad input and on
Microsoft Graph."""
import json
import re
import subprocess
import urllib.request

import pytest

from cli import auth0_profile, cli_env, graph_profile, served_fixture
from schemas import validate
from terminal import BINARY

NOA = "auth0|65f2d1e2f3a4b5c6d7e8f9a0"  # no MFA in the seed
MARTA = "auth0|65f2b7c8d9e0f1a2b3c4d5e6"
CAMERON = "CameronW@contoso.com"


sandbox = served_fixture("--users", "10", "--device-code-delay-ms", "200")


@pytest.fixture(scope="module")
def authdesk(sandbox, tmp_path_factory):
    """authdesk with the Auth0 tenant as the default profile, and contoso's operator."""
    config = tmp_path_factory.mktemp("config") / "config.toml"
    config.write_text('default_profile = "acme"\n' + auth0_profile(sandbox, "acme") + graph_profile(sandbox, "contoso"))
    config.chmod(0o600)
    env = {"AUTHDESK_STATE_DIR": str(tmp_path_factory.mktemp("state"))}

    def authdesk(*args, input=None):
        return subprocess.run([str(BINARY), "--config", str(config), *args], env=cli_env(env), capture_output=True,
                              text=True, timeout=90, input=input)
    return authdesk


def json_of(authdesk, command, *args, input=None):
    result = authdesk(*command.split(" "), *args, "--output", "json", input=input)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    validate(command, document)
    return document


def methods(authdesk, user):
    return json_of(authdesk, "methods list", user)


def counts(sandbox):
    with urllib.request.urlopen(sandbox["authority"] + "/sandbox/requests", timeout=10) as answer:
        return json.loads(answer.read())["byMethod"]


def journal_text(authdesk):
    result = authdesk("journal", "--output", "json")
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_generated_totp_secret_is_printed_once_and_never_journalled(authdesk):
    [added] = json_of(authdesk, "methods add", NOA, "--type", "totp", "--name", "Phone app")
    secret, uri = added["secret"], added["otpauthUri"]
    assert re.fullmatch(r"[A-Z2-7]{32}", secret)
    assert uri.startswith("otpauth://totp/") and f"secret={secret}" in uri and "digits=6" in uri
    assert added["kind"] == "auth0Totp" and added["id"].startswith("totp|")
    assert added["id"] in [m["id"] for m in methods(authdesk, NOA)]
    journal = journal_text(authdesk)
    assert "add method" in journal and secret not in journal
    again = authdesk("methods", "add", NOA, "--type", "totp")
    assert again.returncode == 2 and "already exists" in again.stderr and "request id" in again.stderr.lower()
    json_of(authdesk, "methods delete-all", NOA)


def test_a_typed_totp_secret_is_not_printed_back(authdesk):
    [added] = json_of(authdesk, "methods add", NOA, "--type", "totp", "--secret-stdin", input="JBSWY3DPEHPK3PXP\n")
    assert added["secret"] is None and added["otpauthUri"] is None
    bad = authdesk("methods", "add", NOA, "--type", "totp", "--secret-stdin", input="JBSWY3DPEHPK3PX0\n")
    assert bad.returncode == 2 and "base32" in bad.stderr and "JBSWY3DPEHPK3PX0" not in bad.stderr
    json_of(authdesk, "methods delete-all", NOA)


def test_a_security_key_is_enrolled_and_bad_keys_are_refused_before_sending(authdesk, sandbox):
    [key] = json_of(authdesk, "methods add", NOA, "--type", "webauthn-roaming", "--key-id", "a2V5LWlk",
                    "--public-key", "cHVibGljLWtleQ", "--relying-party", "example.com", "--name", "YubiKey")
    assert key["kind"] == "auth0WebAuthnRoaming"
    assert key["id"] in [m["id"] for m in methods(authdesk, NOA)]
    before = counts(sandbox)
    missing = authdesk("methods", "add", NOA, "--type", "webauthn-roaming", "--key-id", "x")
    assert missing.returncode == 2 and "--public-key" in missing.stderr
    host = authdesk("methods", "add", NOA, "--type", "webauthn-roaming", "--key-id", "a", "--public-key", "cHVi",
                    "--relying-party", "not a host")
    assert host.returncode == 2 and "host name" in host.stderr
    assert counts(sandbox).get("POST", 0) == before.get("POST", 0)
    json_of(authdesk, "methods delete-all", NOA)


def test_all_methods_are_replaced_from_a_file_and_deleted(authdesk, tmp_path):
    wanted = tmp_path / "methods.json"
    wanted.write_text(json.dumps([{"type": "phone", "phone_number": "+14155550123", "name": "Mobile"},
                                  {"type": "email", "email": "noa@example.org"}]))
    replaced = json_of(authdesk, "methods replace", NOA, "--from", str(wanted))
    assert [m["kind"] for m in replaced] == ["auth0Phone", "auth0Email"]
    assert sorted(m["id"] for m in methods(authdesk, NOA)) == sorted(m["id"] for m in replaced)
    bad = authdesk("methods", "replace", NOA, "--from", "-", input='[{"type": "webauthn-roaming"}]')
    assert bad.returncode == 2 and "phone, email or totp" in bad.stderr
    [done] = json_of(authdesk, "methods delete-all", NOA)
    assert done["result"] == "all methods deleted"
    assert [m for m in methods(authdesk, NOA) if m["kind"] != "password"] == []
    assert "delete all methods" in journal_text(authdesk)


def test_an_enrollment_ticket_link_is_printed_once(authdesk):
    [ticket] = json_of(authdesk, "methods enroll", MARTA, "--factor", "otp")
    assert ticket["ticketUrl"].startswith("http") and ticket["ticketId"] in ticket["ticketUrl"]
    journal = journal_text(authdesk)
    assert "create enrollment ticket" in journal and ticket["ticketUrl"] not in journal
    bad = authdesk("methods", "enroll", MARTA, "--factor", "carrier-pigeon")
    assert bad.returncode == 2 and "push-notification" in bad.stderr
    lonely = authdesk("methods", "enroll", MARTA, "--email", "other@example.com")
    assert lonely.returncode == 2 and "--send-mail" in lonely.stderr


def test_remembered_browsers_are_forgotten_alone(authdesk, sandbox):
    before = counts(sandbox).get("POST", 0)
    [done] = json_of(authdesk, "sessions forget-browsers", MARTA)
    assert done["result"] == "remembered browsers invalidated"
    assert counts(sandbox).get("POST", 0) == before + 1
    assert "forget remembered browsers" in journal_text(authdesk)


def test_dry_run_and_read_only_send_nothing(authdesk, sandbox):
    before = counts(sandbox)
    dry = authdesk("methods", "delete-all", NOA, "--dry-run", "--output", "json")
    assert dry.returncode == 0, dry.stderr
    assert any(r["method"] == "DELETE" for r in json.loads(dry.stdout))
    read_only = authdesk("sessions", "forget-browsers", MARTA, "--read-only")
    assert read_only.returncode == 4 and "read-only" in read_only.stderr
    after = counts(sandbox)
    assert (after.get("DELETE", 0), after.get("POST", 0)) == (before.get("DELETE", 0), before.get("POST", 0))


def test_graph_says_what_to_use_instead(authdesk):
    for args, instead in [(["methods", "add", CAMERON, "--type", "totp"], "add-phone"),
                          (["methods", "delete-all", CAMERON], "reset-mfa"),
                          (["methods", "enroll", CAMERON], "tap create"),
                          (["sessions", "forget-browsers", CAMERON], "sessions revoke"),
                          (["methods", "update", CAMERON, "x", "--name", "Desk"], "update-phone"),
                          (["methods", "delete-enrollments", CAMERON], "reset-mfa")]:
        result = authdesk(*args, "--profile", "contoso")
        assert result.returncode == 2, result.stderr
        assert "not available for Microsoft Entra ID" in result.stderr and instead in result.stderr


def management_get(sandbox, path):
    """GET on the sandbox's Management API with a token of its own: the state over the wire."""
    auth0 = sandbox["auth0"]
    body = json.dumps({"grant_type": "client_credentials", "client_id": auth0["clientId"],
                       "client_secret": auth0["clientSecret"], "audience": f"https://{auth0['domain']}/api/v2/"}).encode()
    token_request = urllib.request.Request(sandbox["authority"] + "/oauth/token", data=body,
                                           headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(token_request, timeout=10) as answer:
        token = json.loads(answer.read())["access_token"]
    request = urllib.request.Request(auth0["baseURL"] + path, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read())


def test_a_method_is_renamed_and_a_phone_moved_to_voice(authdesk, sandbox, tmp_path):
    wanted = tmp_path / "phone.json"
    wanted.write_text(json.dumps([{"type": "phone", "phone_number": "+14155550199"}]))
    [phone] = json_of(authdesk, "methods replace", NOA, "--from", str(wanted))
    [changed] = json_of(authdesk, "methods update", NOA, phone["id"], "--name", "Desk", "--channel", "voice")
    assert changed["id"] == phone["id"] and changed["result"] == "changed"
    stored = management_get(sandbox, f"/users/{NOA}/authentication-methods/{phone['id']}")
    assert (stored["name"], stored["preferred_authentication_method"]) == ("Desk", "voice")
    nothing = authdesk("methods", "update", NOA, phone["id"])
    assert nothing.returncode == 2 and "--name" in nothing.stderr
    not_a_phone = authdesk("methods", "update", NOA, "email|dev_x", "--channel", "sms")
    assert not_a_phone.returncode == 2 and "Only a phone method" in not_a_phone.stderr
    long_name = authdesk("methods", "update", NOA, phone["id"], "--name", "x" * 21)
    assert long_name.returncode == 2 and "1 to 20 characters" in long_name.stderr
    assert "change method" in journal_text(authdesk)
    json_of(authdesk, "methods delete-all", NOA)


def test_every_mfa_enrollment_is_deleted(authdesk, sandbox):
    example = "auth0|65f2a1b3c4d5e6f708192a3b"
    assert {m["type"] for m in management_get(sandbox, f"/users/{example}/authentication-methods")} == {"totp", "email"}
    [done] = json_of(authdesk, "methods delete-enrollments", example)
    assert done["result"] == "all MFA enrollments deleted"
    assert management_get(sandbox, f"/users/{example}/authentication-methods") == []
    assert "delete MFA enrollments" in journal_text(authdesk)
