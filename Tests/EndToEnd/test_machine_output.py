"""Machine output through the real binary: every command's JSON is typed (numbers, booleans,
null, ISO 8601 UTC times with Z) and valid against its schema in Resources/Schemas; JSON lines
and CSV carry the same names; a command without a schema fails the suite."""
import csv
import io
import json
import re
import subprocess

import pytest

from cli import cli_env, graph_profile, served, tenant
from schemas import item_schema_validate, schema_path, validate
from terminal import BINARY

CAMERON = "CameronW@contoso.com"
AVERY = "avery.howard@contoso.com"
EMAIL_ID = "3ddfcfc8-9383-446f-83cc-3ab9be4be18f"
ISO_Z = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"
# Commands that print no results of their own: the console, help, journal verify (lines of text), and
# the sandbox (its first line has the shape INTERFACES.md gives, checked in test_command_line.py).
NO_JSON = {"console", "sandbox serve", "help", "journal verify"}


@pytest.fixture(scope="module")
def authdesk(tmp_path_factory):
    """Runs authdesk with a config of two profiles on a sandbox of its own: `contoso` (the
    operator, device code) and `app` (the application, client secret)."""
    with served("--users", "10", "--device-code-delay-ms", "200") as sandbox:
        home = tmp_path_factory.mktemp("machine-output")
        config = home / "config.toml"
        config.write_text('default_profile = "contoso"\n' + graph_profile(sandbox, "contoso")
                          + graph_profile(sandbox, "app", "client-secret", secret_env="CONTOSO_SECRET"))
        env = cli_env({"XDG_STATE_HOME": str(home / "state"), "CONTOSO_SECRET": tenant(sandbox, "contoso")["clientSecret"]})

        def run(*args, ok=(0,), input=None):
            result = subprocess.run([str(BINARY), "--config", str(config), *args], env=env, capture_output=True,
                                    text=True, input=input, timeout=120)
            assert result.returncode in ok, (args, result.stderr)
            return result
        yield run


def json_of(authdesk, command, *args, ok=(0,)):
    """Runs `command` with --output json, validates it against the command's schema, returns it."""
    result = authdesk(*command.split(" "), *args, "--output", "json", ok=ok)
    document = json.loads(result.stdout)
    validate(command, document)
    return document


def test_every_command_validates_against_its_schema(authdesk):
    users = json_of(authdesk, "users search", "Cameron")
    assert users[0]["principalName"] == CAMERON
    assert json_of(authdesk, "methods list", CAMERON)
    json_of(authdesk, "methods add-phone", CAMERON, "--type", "mobile", "--number", "+1 2065555555")
    json_of(authdesk, "methods update-phone", CAMERON, "--type", "mobile", "--number", "+44 7700900123")
    json_of(authdesk, "methods sms-sign-in", CAMERON, "--enable")
    json_of(authdesk, "methods add-email", AVERY, "avery@example.org")
    json_of(authdesk, "methods update-email", AVERY, "avery.h@example.net")
    json_of(authdesk, "methods delete", AVERY, EMAIL_ID)
    planned = json_of(authdesk, "methods add-phone", AVERY, "--type", "alternateMobile", "--number", "+1 2065550111",
                      "--dry-run")
    assert planned[0]["step"] == 1 and planned[0]["method"] == "POST"
    json_of(authdesk, "methods default", CAMERON, "--method", "sms")
    shown = json_of(authdesk, "users show", CAMERON)[0]
    assert shown["accountEnabled"] is True
    assert json_of(authdesk, "users block", AVERY)[0]["accountEnabled"] is False
    assert json_of(authdesk, "users unblock", AVERY)[0]["accountEnabled"] is True
    json_of(authdesk, "users mfa-state", CAMERON)
    badge = json_of(authdesk, "methods qr-code create", CAMERON)[0]
    assert badge["pinGenerated"] is True and badge["pin"] and badge["badgeExpires"].endswith("Z")
    assert json_of(authdesk, "methods qr-code reset-pin", CAMERON)[0]["pinGenerated"] is True
    temporary = json_of(authdesk, "methods qr-code temporary", CAMERON, "--hours", "2")[0]
    assert temporary["temporaryExpires"].endswith("Z") and temporary["pin"] is None

    tap = json_of(authdesk, "tap create", CAMERON, "--lifetime-minutes", "60", "--usable-once")[0]
    assert tap["isUsableOnce"] is True and tap["lifetimeInMinutes"] == 60
    assert tap["startDateTime"] is None or tap["startDateTime"].endswith("Z")

    reset = json_of(authdesk, "password reset", CAMERON)[0]
    assert reset["status"] == "succeeded" and isinstance(reset["newPassword"], str)
    assert json_of(authdesk, "sessions revoke", CAMERON)[0]["id"]

    plan = json_of(authdesk, "reset-mfa", AVERY, "--dry-run")
    assert plan["totals"]["users"] == 1 and isinstance(plan["users"][0]["steps"][0]["order"], int)
    outcome = json_of(authdesk, "reset-mfa", AVERY, "--yes")
    assert outcome[0]["state"] == "done" and isinstance(outcome[0]["done"], int) and outcome[0]["done"] >= 1

    jobs = json_of(authdesk, "jobs list")
    assert isinstance(jobs[0]["usersDone"], int) and jobs[0]["created"].endswith("Z")
    job = jobs[0]["id"]
    shown = json_of(authdesk, "jobs show", job)
    assert shown["job"]["createdAt"].endswith("Z")
    # A finished job with nothing failed has nothing to resume (exit 1, no results); its results,
    # when there are some, are reset-mfa's (the same schema).
    resumed = authdesk("jobs", "resume", job, "--retry-failed", "--output", "json", ok=(0, 1))
    if resumed.stdout.strip():
        validate("jobs resume", json.loads(resumed.stdout))
    assert json.loads(schema_path("jobs resume").read_text())["$ref"] == "reset-outcome.schema.json"

    entries = json_of(authdesk, "journal list")
    assert all(isinstance(e["redacted"], bool) and e["at"].endswith("Z") for e in entries)
    deleted = next(e for e in entries if e["action"] == "delete method" and e["user"] != CAMERON and e["job"] is None)
    assert json_of(authdesk, "undo", str(deleted["id"]), "--yes")[0]["undoOf"] == deleted["id"]
    evidence = authdesk("journal", "export", "--since", "2020-01-01", "--format", "json")
    validate("journal export", json.loads(evidence.stdout))

    whoami = json_of(authdesk, "whoami")
    assert whoami[0]["isApplication"] is False


def test_json_lines_give_one_object_a_line_with_the_same_names(authdesk):
    for command, args in [("users search", ["a"]), ("methods list", [AVERY]), ("jobs list", []), ("journal list", [])]:
        lines = authdesk(*command.split(" "), *args, "--output", "jsonl").stdout.splitlines()
        whole = json.loads(authdesk(*command.split(" "), *args, "--output", "json").stdout)
        assert [json.loads(line) for line in lines] == whole, command
        for line in lines:
            item_schema_validate(command, json.loads(line))


def test_csv_has_the_json_names_and_iso_times(authdesk):
    authdesk("sessions", "revoke", AVERY)
    for command, args, time_key in [("users search", ["a"], None), ("journal list", [], "at")]:
        rows = list(csv.DictReader(io.StringIO(authdesk(*command.split(" "), *args, "--output", "csv").stdout)))
        whole = json.loads(authdesk(*command.split(" "), *args, "--output", "json").stdout)
        assert rows and set(rows[0].keys()) == set(whole[0].keys()), command
        if time_key:
            assert all(re.match(ISO_Z, row[time_key]) for row in rows), command
            assert all(row["redacted"] in ("true", "false") for row in rows)


def leaf_commands():
    """Every command of `authdesk --experimental-dump-help`, as words (`methods add-phone`)."""
    dump = subprocess.run([str(BINARY), "--experimental-dump-help"], capture_output=True, text=True,
                          env=cli_env(), timeout=30)
    assert dump.returncode == 0, dump.stderr
    found = []

    def walk(command, prefix):
        subcommands = command.get("subcommands") or []
        if not subcommands:
            found.append(" ".join(prefix))
        for sub in subcommands:
            walk(sub, prefix + [sub["commandName"]])
    walk(json.loads(dump.stdout)["command"], [])
    return found


def test_every_command_has_a_schema():
    commands = leaf_commands()
    assert "users search" in commands and "whoami" in commands
    missing = [c for c in commands if c not in NO_JSON and not schema_path(c).exists()]
    assert missing == [], f"commands without a schema in Resources/Schemas: {missing}"
