"""`authdesk whoami` for an operator (device code) and an application (client secret), and the
`--verbose` request trace: one line per request on standard error, never a secret."""
import json
import re
import subprocess
import urllib.request

import pytest

from cli import auth0_profile, cli_env, graph_profile, served, tenant
from terminal import BINARY

CAMERON = "CameronW@contoso.com"
TYPED = "Verbose-Typed-Pw-7531!"
TRACE = re.compile(r"^authdesk: (GET|POST|PATCH|PUT|DELETE) /\S* (\d{3}|no-answer) \d+ms "
                   r"(attempts=\d+ waited=\S+ )?client-request-id=\S+ request-id=\S+$")


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    """A sandbox exposing its tokens, and a config with `contoso` (operator), `app` (client
    secret) and `acme` (Auth0); yields (run, sandbox)."""
    with served("--users", "5", "--device-code-delay-ms", "200", "--expose-tokens") as sandbox:
        home = tmp_path_factory.mktemp("whoami")
        config = home / "config.toml"
        config.write_text('default_profile = "contoso"\n' + graph_profile(sandbox, "contoso")
                          + graph_profile(sandbox, "app", "client-secret", secret_env="CONTOSO_SECRET")
                          + auth0_profile(sandbox, "acme", "ACME_SECRET"))
        environment = cli_env({"XDG_STATE_HOME": str(home / "state"),
                               "CONTOSO_SECRET": tenant(sandbox, "contoso")["clientSecret"],
                               "ACME_SECRET": sandbox["auth0"]["clientSecret"]})

        def run(*args, ok=(0,), input=None):
            result = subprocess.run([str(BINARY), "--config", str(config), *args], env=environment,
                                    capture_output=True, text=True, input=input, timeout=120)
            assert result.returncode in ok, (args, result.stderr)
            return result
        yield run, sandbox


def actions(profile):
    return {a["command"]: a for a in profile["actions"]}


def test_whoami_for_the_operator(env):
    run, _ = env
    result = run("whoami", "--output", "json")
    [me] = json.loads(result.stdout)
    assert me["profile"] == "contoso" and me["signIn"] == "device-code" and me["isApplication"] is False
    assert me["who"] == "helpdesk@contoso.com"
    assert me["directoryRoles"] == ["Authentication Administrator"]
    assert "UserAuthenticationMethod.ReadWrite.All" in me["permissions"]
    assert set(me["endpoints"]) == {"authority", "graph"}
    allowed = actions(me)
    assert allowed["password reset"]["allowed"] is True
    assert "administrator" in allowed["methods delete"]["note"]
    table = run("whoami").stdout
    assert "helpdesk@contoso.com" in table and "Authentication Administrator" in table and "password reset" in table


def test_whoami_for_the_application_names_what_is_refused(env):
    run, _ = env
    [app] = json.loads(run("--profile", "app", "whoami", "--output", "json").stdout)
    assert app["isApplication"] is True and app["signIn"] == "client-secret"
    assert app["who"].startswith("the application ") and app["directoryRoles"] is None
    refused = actions(app)["password reset"]
    assert refused["allowed"] is False and "signed-in operator" in refused["missing"]
    assert actions(app)["methods add-phone"]["allowed"] is True


def test_whoami_all_profiles_includes_auth0_scopes(env):
    run, _ = env
    profiles = json.loads(run("whoami", "--all-profiles", "--output", "json").stdout)
    assert sorted(p["profile"] for p in profiles) == ["acme", "app", "contoso"]
    acme = next(p for p in profiles if p["profile"] == "acme")
    assert acme["provider"] == "auth0" and "delete:authentication_methods" in acme["permissions"]
    assert actions(acme)["tap create"] == {"command": "tap create", "allowed": False,
                                           "missing": "not offered for Auth0", "note": None}


def test_verbose_traces_each_request_and_never_a_secret(env):
    run, sandbox = env
    quiet = run("--profile", "app", "users", "search", "Cameron", "--output", "json")
    result = run("--verbose", "--profile", "app", "users", "search", "Cameron", "--output", "json")
    assert json.loads(result.stdout) == json.loads(quiet.stdout), "stdout stays clean"
    lines = [line for line in result.stderr.splitlines() if line]
    assert lines and all(TRACE.match(line) for line in lines), result.stderr
    assert any(" /v1.0/users " in line or "/v1.0/users " in line for line in lines)
    assert any("/oauth2/v2.0/token 200" in line for line in lines)

    tap = run("--verbose", "--profile", "app", "tap", "create", CAMERON, "--output", "json")
    password = run("--verbose", "password", "reset", CAMERON, "--password-stdin", input=TYPED + "\n")
    generated = run("--verbose", "password", "reset", CAMERON, "--output", "json")
    traces = tap.stderr + password.stderr + generated.stderr + result.stderr
    with urllib.request.urlopen(sandbox["authority"] + "/sandbox/tokens") as answer:
        tokens = json.load(answer)
    secrets = tokens["accessTokens"] + tokens["refreshTokens"] + [TYPED, sandbox["auth0"]["clientSecret"],
                                                   json.loads(tap.stdout)[0]["temporaryAccessPass"],
                                                   json.loads(generated.stdout)[0]["newPassword"]]
    secrets += [t["clientSecret"] for t in sandbox["tenants"]]
    for secret in secrets:
        assert secret not in traces
    assert "?" not in "".join(line.split(" ")[2] for line in traces.splitlines() if TRACE.match(line))


def test_a_refusal_names_what_would_allow_it(env):
    run, _ = env
    # Priya is a Global Administrator: the operator (an Authentication Administrator) is refused
    # by the service when the pre-flight is overridden.
    result = run("methods", "add-phone", "priya.raman@contoso.com", "--type", "office", "--number", "+1 4255550100",
                 "--force", ok=(4,))
    assert "HTTP 403" in result.stderr
    assert "'methods add-phone' needs Microsoft Graph: the permission UserAuthenticationMethod.ReadWrite.All" in result.stderr
    assert "Privileged Authentication Administrator" in result.stderr and "authdesk whoami" in result.stderr
    assert result.stderr.count("authdesk whoami") == 1


def test_the_console_shows_whoami(console):
    """`:whoami` in the console on the embedded sandbox: its operator, role and actions."""
    term = console(rows=30, cols=120)
    term.wait_for("Cameron White")
    term.type(":whoami")
    term.press("enter")
    screen = term.wait_for(lambda s: "Who am I: contoso" in s and "password reset" in s)
    assert "helpdesk@contoso.com" in screen and "Authentication Administrator" in screen
    term.press("esc")
    term.wait_for(lambda s: "Who am I" not in s and "Cameron White" in s)
