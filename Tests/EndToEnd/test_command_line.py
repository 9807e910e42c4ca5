"""The command line of INTERFACES.md, run as a user would: the real binary, real HTTP."""
import csv
import io
import json
import subprocess

import pytest

from cli import cli_env, graph_env, served_fixture
from terminal import BINARY


def run(*args, env=None, input=None):
    return subprocess.run([str(BINARY), *args], env=cli_env(env), capture_output=True, text=True,
                          input=input, timeout=60)


# `authdesk sandbox serve` on an ephemeral port; yields its first line, parsed.
sandbox = served_fixture("--users", "150")


def test_sandbox_first_line_has_the_promised_shape(sandbox):
    assert sandbox["authority"].startswith("http://127.0.0.1:")
    assert sandbox["graph"] == sandbox["authority"] + "/v1.0"
    assert sandbox["graphBeta"] == sandbox["authority"] + "/beta"
    names = {t["name"] for t in sandbox["tenants"]}
    assert {"contoso", "fabrikam"} <= names
    for tenant in sandbox["tenants"]:
        assert set(tenant) >= {"name", "id", "domain", "clientId", "clientSecret", "operator"}
    assert set(sandbox["auth0"]) >= {"domain", "baseURL", "tokenURL", "clientId", "clientSecret"}


def auth0_env(sandbox, secret=None):
    auth0 = sandbox["auth0"]
    return {"AUTH0_DOMAIN": auth0["domain"], "AUTH0_CLIENT_ID": auth0["clientId"],
            "AUTH0_CLIENT_SECRET": secret or auth0["clientSecret"]}


def test_auth0_search_pages_and_finds_by_name(sandbox):
    env = auth0_env(sandbox)
    result = run("users", "search", "", "--top", "60", "--output", "json", env=env)
    assert result.returncode == 0, result.stderr
    users = json.loads(result.stdout)
    assert len(users) == 60  # Auth0 pages are at most 100; --top 60 over the 79 users
    assert len({u["id"] for u in users}) == 60
    assert all(u["id"].startswith("auth0|") for u in users)
    result = run("users", "search", "marta", "--output", "csv", env=env)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["id"], r["principalName"]) for r in rows] == [
        ("auth0|65f2b7c8d9e0f1a2b3c4d5e6", "marta.nowak@example.com")]


def test_auth0_methods_list_by_id_and_email(sandbox):
    env = auth0_env(sandbox)
    result = run("methods", "list", "auth0|65f2b7c8d9e0f1a2b3c4d5e6", "--output", "json", env=env)
    assert result.returncode == 0, result.stderr
    methods = json.loads(result.stdout)
    assert [m["kind"] for m in methods] == ["auth0Phone", "auth0WebAuthnRoaming", "auth0RecoveryCode"]
    assert methods[0]["id"] == "phone|dev_M4rt4Ph0n3Sms00001"
    by_email = run("methods", "list", "user@example.com", "--output", "json", env=env)
    assert by_email.returncode == 0, by_email.stderr
    assert [m["kind"] for m in json.loads(by_email.stdout)] == ["auth0Totp", "auth0Email"]


def test_auth0_unknown_user_and_wrong_secret(sandbox):
    result = run("methods", "list", "auth0|nobody", env=auth0_env(sandbox))
    assert result.returncode == 1
    assert "inexistent_user" in result.stderr
    assert "request id" in result.stderr
    result = run("users", "search", "a", env=auth0_env(sandbox, secret="not-the-secret"))
    assert result.returncode == 3, result.stderr
    assert "access_denied" in result.stderr
    assert "not-the-secret" not in result.stderr + result.stdout


def test_auth0_writes_through_the_same_commands(sandbox):
    env = auth0_env(sandbox)
    user = "auth0|65f2b7c8d9e0f1a2b3c4d5e6"
    added = run("methods", "add-phone", user, "--type", "mobile", "--number", "+44 7700900123",
                "--output", "json", env=env)
    assert added.returncode == 0, added.stderr
    listed = json.loads(run("methods", "list", user, "--output", "json", env=env).stdout)
    phone = next(m for m in listed if m["summary"] == "+447700900123")
    assert phone["kind"] == "auth0Phone"
    office = run("methods", "add-phone", user, "--type", "office", "--number", "+44 7700900124", env=env)
    assert office.returncode == 2 and "type mobile" in office.stderr
    deleted = run("methods", "delete", user, phone["id"], env=env)
    assert deleted.returncode == 0, deleted.stderr
    listed = json.loads(run("methods", "list", user, "--output", "json", env=env).stdout)
    assert phone["id"] not in {m["id"] for m in listed}
    reset = run("password", "reset", user, "--generate", env=env)
    assert reset.returncode == 0, reset.stderr
    revoke = run("sessions", "revoke", user, "--output", "json", env=env)
    assert revoke.returncode == 0, revoke.stderr
    result = json.loads(revoke.stdout)[0]["result"]
    assert result.startswith("remembered browsers invalidated")
    assert "sessions not deleted" in result and "Enterprise" in result


def test_search_on_the_embedded_sandbox_finds_cameron():
    result = run("users", "search", "Cameron")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "NAME", "PRINCIPAL", "NAME", "MAIL"]
    assert any("CameronW@contoso.com" in line and "Cameron White" in line for line in lines[1:])
    assert result.stderr == ""  # progress only on a terminal


def test_search_json_and_csv_against_a_served_sandbox(sandbox):
    env = graph_env(sandbox)
    result = run("users", "search", "", "--top", "120", "--output", "json", env=env)
    assert result.returncode == 0, result.stderr
    users = json.loads(result.stdout)
    assert len(users) == 120  # more than one page of 100: paging followed
    assert len({u["id"] for u in users}) == 120
    result = run("users", "search", "avery.howard", "--output", "csv", env=env)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["principalName"] for r in rows] == ["avery.howard@contoso.com"]


def test_methods_list_reads_every_method(sandbox):
    env = graph_env(sandbox)
    result = run("methods", "list", "avery.howard@contoso.com", "--output", "json", env=env)
    assert result.returncode == 0, result.stderr
    kinds = sorted(m["kind"] for m in json.loads(result.stdout))
    assert kinds == ["password", "phone", "phone"]
    titles = {m["title"] for m in json.loads(result.stdout)}
    assert {"Mobile phone", "Office phone", "Password"} <= titles
    cameron = json.loads(run("methods", "list", "CameronW@contoso.com", "--output", "json", env=env).stdout)
    assert [m["kind"] for m in cameron] == ["password"]


def test_unknown_user_fails_with_code_and_request_id(sandbox):
    result = run("methods", "list", "nobody@contoso.com", env=graph_env(sandbox))
    assert result.returncode == 1
    assert "Request_ResourceNotFound" in result.stderr
    assert "request id" in result.stderr


def test_wrong_secret_is_a_sign_in_failure(sandbox):
    result = run("users", "search", "a", env=graph_env(sandbox, secret="not-the-secret"))
    assert result.returncode == 3, result.stderr
    assert "AADSTS7000215" in result.stderr
    assert "not-the-secret" not in result.stderr + result.stdout


@pytest.mark.parametrize("args", [
    ["users", "search", "x", "--top", "0"],
    ["users", "search", "x", "--output", "xml"],
    ["no-such-command"],
    ["sandbox", "serve", "--faults", "2"],
])
def test_bad_usage_exits_2_and_says_what_is_valid(args):
    result = run(*args)
    assert result.returncode == 2, (args, result.stdout, result.stderr)
    assert result.stderr.strip()


def test_bad_configuration_exits_2_before_sending_anything(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('[profiles.x]\ntenant_id = "t"\nclient_id = "c"\ngraph_url = "http://graph.example.com"\n')
    result = run("--config", str(config), "users", "search", "a")
    assert result.returncode == 2
    assert "https://" in result.stderr
    result = run("users", "search", "a", "--config", str(tmp_path / "missing.toml"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr


def test_a_config_file_profile_is_used(sandbox, tmp_path):
    entry = next(t for t in sandbox["tenants"] if t["name"] == "fabrikam")
    config = tmp_path / "config.toml"
    config.write_text(f'''
default_profile = "fab"
[profiles.fab]
tenant_id = "{entry["id"]}"
client_id = "{entry["clientId"]}"
sign_in = "client-secret"
client_secret_env = "FAB_SECRET"
authority_url = "{sandbox["authority"]}"
graph_url = "{sandbox["authority"]}"
''')
    result = run("--config", str(config), "users", "search", "", "--top", "3", "--output", "json",
                 env={"FAB_SECRET": entry["clientSecret"]})
    assert result.returncode == 0, result.stderr
    assert all(u["principalName"].endswith("@fabrikam.com") for u in json.loads(result.stdout))


def test_help_lists_the_commands():
    result = run("--help")
    assert result.returncode == 0
    for text in ["sandbox serve", "users search", "methods list", "--read-only", "--no-color", "Exit status"]:
        assert text in result.stdout
