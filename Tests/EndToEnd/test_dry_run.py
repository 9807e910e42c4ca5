"""--dry-run on every change command: the exact requests are printed (method, URL, body with
secrets masked), nothing is sent (the sandbox's request counts prove it), nothing is journalled,
exit 0. And caller verification: a profile with require_caller_verification = true refuses a
change without --verified-by (exit 2, nothing sent) and journals the answer with the change."""
import json
import urllib.request

import pytest

from cli import operator_config, served_fixture, state_runner

CAMERON = "CameronW@contoso.com"
MOBILE_ID = "3179e48a-750b-4051-897c-87b9720928f7"


sandbox = served_fixture("--users", "0", "--device-code-delay-ms", "200")


def runner(sandbox, folder, require=False):
    config = operator_config(sandbox, folder / "config.toml",
                             f"require_caller_verification = {'true' if require else 'false'}")
    return state_runner(config, folder / "state")


@pytest.fixture(scope="module")
def authdesk(sandbox, tmp_path_factory):
    return runner(sandbox, tmp_path_factory.mktemp("dryrun"))


@pytest.fixture(scope="module")
def strict(sandbox, tmp_path_factory):
    return runner(sandbox, tmp_path_factory.mktemp("strict"), require=True)


def counts(sandbox):
    with urllib.request.urlopen(sandbox["authority"] + "/sandbox/requests", timeout=10) as answer:
        return json.loads(answer.read())


def journal(authdesk):
    result = authdesk("journal", "--output", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def methods(authdesk, user):
    result = authdesk("methods", "list", user, "--output", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


DRY_RUNS = [
    (["methods", "add-phone", CAMERON, "--type", "mobile", "--number", "+1 2065555555"],
     [("POST", "/authentication/phoneMethods", '"phoneNumber":"+1 2065555555"')]),
    (["methods", "update-phone", CAMERON, "--type", "office", "--number", "+1 4255550100"],
     [("PATCH", "/authentication/phoneMethods/e37fc753-ff3b-4958-9484-eaa9425c82bc", '"phoneType":"office"')]),
    (["methods", "sms-sign-in", CAMERON, "--enable"],
     [("POST", f"/phoneMethods/{MOBILE_ID}/enableSmsSignIn", "{}")]),
    (["methods", "add-email", CAMERON, "cameron@example.org"],
     [("POST", "/authentication/emailMethods", '"emailAddress":"cameron@example.org"')]),
    (["tap", "create", CAMERON, "--lifetime-minutes", "60"],
     [("POST", "/authentication/temporaryAccessPassMethods", '"lifetimeInMinutes":60')]),
    (["sessions", "revoke", CAMERON],
     [("POST", "/revokeSignInSessions", "{}")]),
]


@pytest.mark.parametrize("command, expected", DRY_RUNS, ids=[" ".join(c[:2]) for c, _ in DRY_RUNS])
def test_a_dry_run_prints_the_requests_and_sends_nothing(authdesk, sandbox, command, expected):
    before = counts(sandbox)
    result = authdesk(*command, "--dry-run", "--output", "json")
    assert result.returncode == 0, result.stderr
    after = counts(sandbox)
    assert after["writes"] == before["writes"], (before, after)
    printed = json.loads(result.stdout)
    assert len(printed) == len(expected), printed
    for row, (method, path, body) in zip(printed, expected):
        assert row["method"] == method
        assert path in row["url"], row
        assert body in (row["body"] or ""), row
    assert "nothing was sent" in result.stderr
    assert journal(authdesk) == []


def test_a_dry_run_of_a_password_reset_masks_the_password(authdesk, sandbox):
    before = counts(sandbox)
    password = "Correct-Horse-9-Battery"
    result = authdesk("password", "reset", CAMERON, "--password-stdin", "--dry-run", input=password + "\n")
    assert result.returncode == 0, result.stderr
    assert counts(sandbox)["writes"] == before["writes"]
    assert password not in result.stdout + result.stderr
    assert "resetPassword" in result.stdout and "[REDACTED]" in result.stdout
    assert journal(authdesk) == []


def test_a_dry_run_of_a_delete_names_the_method_and_leaves_it(authdesk, sandbox):
    user = "zoe.lindqvist@contoso.com"
    fido = next(m for m in methods(authdesk, user) if m["kind"] == "fido2")
    before = counts(sandbox)
    result = authdesk("methods", "delete", user, fido["id"], "--dry-run")
    assert result.returncode == 0, result.stderr
    assert counts(sandbox)["writes"] == before["writes"]
    assert "DELETE" in result.stdout and f"fido2Methods/{fido['id']}" in result.stdout
    assert any(m["id"] == fido["id"] for m in methods(authdesk, user))


def test_the_same_command_without_dry_run_is_sent(authdesk, sandbox):
    before = counts(sandbox)
    result = authdesk("methods", "add-email", CAMERON, "cameron@example.org")
    assert result.returncode == 0, result.stderr
    assert counts(sandbox)["writes"] == before["writes"] + 1
    assert [e["action"] for e in journal(authdesk)] == ["add e-mail"]


def test_verification_is_required_and_nothing_is_sent_without_it(strict, sandbox):
    before = counts(sandbox)
    result = strict("sessions", "revoke", CAMERON)
    assert result.returncode == 2, result.stderr
    assert "--verified-by callback|manager|in-person|id-document|ticket-system" in result.stderr
    assert "nothing was sent" in result.stderr
    after = counts(sandbox)
    assert after["writes"] == before["writes"] and after["signIns"] == before["signIns"], (before, after)
    assert journal(strict) == []


def test_an_unknown_verification_is_refused_with_the_valid_ones(strict):
    result = strict("sessions", "revoke", CAMERON, "--verified-by", "trust-me")
    assert result.returncode == 2, result.stderr
    assert "callback|manager|in-person|id-document|ticket-system" in result.stderr


def test_the_verification_is_journalled_with_the_change(strict, sandbox):
    result = strict("sessions", "revoke", CAMERON, "--verified-by", "callback",
                    "--verification-note", "rang the mobile on file")
    assert result.returncode == 0, result.stderr
    [entry] = journal(strict)
    assert entry["action"] == "revoke sessions"
    assert entry["verification"] == "callback: rang the mobile on file"


def test_a_dry_run_needs_no_verification(strict, sandbox):
    before = counts(sandbox)
    result = strict("sessions", "revoke", CAMERON, "--dry-run")
    assert result.returncode == 0, result.stderr
    assert counts(sandbox)["writes"] == before["writes"]


def test_a_bulk_reset_needs_the_verification_too_and_journals_it_with_each_step(strict, sandbox):
    user = "avery.howard@contoso.com"
    before = counts(sandbox)
    refused = strict("reset-mfa", user, "--yes")
    assert refused.returncode == 2, refused.stderr
    assert "--verified-by" in refused.stderr and "nothing was sent" in refused.stderr
    assert counts(sandbox)["writes"] == before["writes"]
    done = strict("reset-mfa", user, "--yes", "--verified-by", "manager", "--verification-note", "confirmed by J. Doe")
    assert done.returncode == 0, done.stderr
    steps = [e for e in journal(strict) if e["job"]]
    assert steps and all(e["verification"] == "manager: confirmed by J. Doe" for e in steps)
