"""Secret hygiene, end to end: a scripted session against `authdesk sandbox serve`, through the
command line and the console, then every output and every file looked through for the client
secret, every token the sandbox issued, the typed and generated passwords and the passes. Only
the outputs meant to show a secret once (`password reset --generate` and `tap create` on standard
output, the console's pass dialog) may hold it, and nothing else."""
import json
import os
import pathlib
import re
import subprocess
import urllib.request

import pytest

from cli import cli_env, served
from terminal import BINARY, Terminal

CAMERON = "CameronW@contoso.com"
CLI_TYPED = "Typed-CLI-Pw-8642!"
CONSOLE_TYPED = "Typed-Console-Pw-9753?"


def files_under(root):
    for path in pathlib.Path(root).rglob("*"):
        if path.is_file():
            yield path


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    """Runs the whole session once; returns what the checks need."""
    with served("--users", "0", "--device-code-delay-ms", "200", "--expose-tokens") as sandbox:
        entry = next(t for t in sandbox["tenants"] if t["name"] == "contoso")
        home = tmp_path_factory.mktemp("secrets-home")
        config_dir = home / "config" / "authdesk"
        config_dir.mkdir(parents=True)
        config = config_dir / "config.toml"
        config.write_text(f'''
default_profile = "contoso"
[profiles.contoso]
provider = "graph"
tenant_id = "{entry["id"]}"
client_id = "{entry["clientId"]}"
sign_in = "device-code"
authority_url = "{sandbox["authority"]}"
graph_url = "{sandbox["authority"]}"

[profiles.app]
provider = "graph"
tenant_id = "{entry["id"]}"
client_id = "{entry["clientId"]}"
sign_in = "client-secret"
client_secret_env = "CONTOSO_SECRET"
authority_url = "{sandbox["authority"]}"
graph_url = "{sandbox["authority"]}"
''')
        os.chmod(config, 0o600)
        env = cli_env({"HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
                       "XDG_STATE_HOME": str(home / "state"), "CONTOSO_SECRET": entry["clientSecret"]})
        outputs = {}

        def run(name, *args, input=None, ok=(0,)):
            result = subprocess.run([str(BINARY), *args], env=env, capture_output=True, text=True,
                                    input=input, timeout=120)
            assert result.returncode in ok, (name, result.stderr)
            outputs[name + " stdout"] = result.stdout
            outputs[name + " stderr"] = result.stderr
            return result

        run("add-phone", "--profile", "app", "methods", "add-phone", CAMERON, "--type", "mobile",
            "--number", "+1 2065555555", "--ticket", "SEC-1")
        tap = json.loads(run("tap", "--profile", "app", "tap", "create", CAMERON, "--output", "json",
                             "--ticket", "SEC-1").stdout)[0]["temporaryAccessPass"]
        generated = json.loads(run("generate", "password", "reset", CAMERON, "--generate", "--output", "json",
                                   "--ticket", "SEC-1").stdout)[0]["newPassword"]
        run("typed", "password", "reset", CAMERON, "--password-stdin", "--ticket", "SEC-1", input=CLI_TYPED + "\n")
        run("reset-mfa", "--profile", "app", "reset-mfa", CAMERON, "--yes", "--ticket", "SEC-1", ok=(0, 1))

        term = Terminal(home=str(home), env={"CONTOSO_SECRET": entry["clientSecret"]})
        try:
            term.wait_for("Cameron White", timeout=30)
            term.press("/")
            term.type("Cameron")
            term.wait_for(lambda s: "1 user" in s and "Cameron White" in s)
            term.press("enter")
            term.wait_for(lambda s: "Methods · Cameron White" in s and "password set" in s)
            term.press("enter")
            term.press("t")
            term.wait_for("Ticket reference (optional")
            term.type("SEC-2")
            term.press("enter")
            term.wait_for("ticket SEC-2")
            term.press("tab", "enter")
            term.wait_for("r reveals, c copies")
            term.press("r")
            screen = term.wait_for("r hides")
            console_tap = re.search(r"Pass\s+(\S+)\s+r hides", screen).group(1)
            term.press("c")
            term.wait_for("Copied to your clipboard")
            term.press("esc")
            term.wait_for(lambda s: "Issue a Temporary Access Pass" not in s)
            term.press("p")
            term.wait_for("Reset the password of Cameron White")
            term.press("tab", "tab")
            term.press(" ")
            term.wait_for("typed here")
            term.press("tab")
            term.type(CONSOLE_TYPED)
            term.press("tab", "tab", "enter")
            term.wait_for("Password reset of Cameron White: succeeded", timeout=40)
            term.press("esc")
            term.press(":")
            term.type("journal")
            term.press("enter")
            term.wait_for("create TAP")
            term.press("e")
            screen = term.wait_for("Exported to")
            term.press("esc")
            term.press(":")
            term.type("q")
            term.press("enter")
            term.wait_exit()
        finally:
            term.close()
        outputs["console"] = bytes(term.raw).decode("utf-8", "replace")

        run("journal-json", "journal", "--output", "json")
        run("journal-csv", "journal", "--output", "csv")

        with urllib.request.urlopen(sandbox["authority"] + "/sandbox/tokens") as answer:
            issued = json.load(answer)
        yield {"home": home, "outputs": outputs, "client_secret": entry["clientSecret"],
               "tokens": issued["accessTokens"] + issued["refreshTokens"],
               "tap": tap, "generated": generated, "console_tap": console_tap, "export_screen": screen}


def secrets_of(session):
    named = {"client secret": session["client_secret"], "CLI typed password": CLI_TYPED,
             "console typed password": CONSOLE_TYPED, "generated password": session["generated"],
             "CLI pass": session["tap"], "console pass": session["console_tap"]}
    for i, token in enumerate(session["tokens"]):
        named[f"token {i}"] = token
    return named


def test_the_session_issued_what_is_looked_for(session):
    assert len(session["tokens"]) >= 3, "device-code and client-secret sign-ins"
    assert session["tap"] and session["generated"] and session["console_tap"]
    assert "Exported to" in session["export_screen"]
    exports = [p for p in files_under(session["home"]) if p.name.startswith("journal-export-")]
    assert {p.suffix for p in exports} == {".csv", ".json", ".md"}


def test_secrets_appear_only_where_they_are_shown_once(session):
    allowed = {("tap stdout", "CLI pass"), ("generate stdout", "generated password"),
               ("console", "console pass")}
    for name, text in session["outputs"].items():
        for secret_name, secret in secrets_of(session).items():
            if (name, secret_name) in allowed:
                assert text.count(secret) >= 1, (name, secret_name)
                continue
            assert secret not in text, f"{secret_name} in {name}"


def test_no_secret_in_any_file_sqlite_and_wal_included(session):
    paths = list(files_under(session["home"]))
    names = {p.name for p in paths}
    assert "journal.sqlite" in names and "config.toml" in names
    assert any(n.endswith("-wal") for n in names) or "journal.sqlite" in names
    for path in paths:
        data = path.read_bytes()
        for secret_name, secret in secrets_of(session).items():
            assert secret.encode() not in data, f"{secret_name} in {path}"


def test_the_journal_holds_the_sessions_changes(session):
    entries = json.loads(session["outputs"]["journal-json stdout"])
    actions = [(e["action"], e["ticket"]) for e in entries if e["job"] is None]
    assert ("add phone", "SEC-1") in actions and ("create TAP", "SEC-1") in actions
    assert ("create TAP", "SEC-2") in actions and ("reset password", "SEC-2") in actions
    assert any(e["job"] for e in entries), "the reset-mfa steps"
    assert all(e["requestId"] for e in entries if e["outcome"] == "succeeded")
