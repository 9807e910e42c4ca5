"""`authdesk reset-mfa`, `jobs` and `journal` as an operator runs them: the real binary, real HTTP,
the journal in a temporary state directory."""
import json
import signal
import subprocess

import pytest

from cli import cli_env, graph_env, served, wait_for
from terminal import BINARY

AVERY = "avery.howard@contoso.com"
ZOE = "zoe.lindqvist@contoso.com"


def base_env(state_dir, extra=None):
    return cli_env(dict({"AUTHDESK_STATE_DIR": str(state_dir)}, **(extra or {})), prefix="authdesk-reset-")


def run(*args, state_dir, env=None, input=None, timeout=120):
    return subprocess.run([str(BINARY), *args], env=base_env(state_dir, env), capture_output=True, text=True,
                          input=input, timeout=timeout, stdin=None if input is not None else subprocess.DEVNULL)


def methods(user, sandbox, state_dir):
    result = run("methods", "list", user, "--output", "json", state_dir=state_dir, env=graph_env(sandbox))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def generated_users(sandbox, state_dir, count):
    """`count` generated users of contoso (not the named people of the seed)."""
    for _ in range(10):  # a faulty sandbox may fail a search now and then
        result = run("users", "search", "", "--top", str(count + 20), "--output", "json",
                     state_dir=state_dir, env=graph_env(sandbox))
        if result.returncode == 0:
            users = json.loads(result.stdout)
            named = {AVERY, ZOE, "helpdesk@contoso.com", "CameronW@contoso.com", "priya.raman@contoso.com",
                     "soren.kjaergaard@contoso.com"}
            return [u["principalName"] for u in users if u["principalName"] not in named][:count]
    pytest.fail("the user search kept failing: " + result.stderr)


def users_file(tmp_path, lines, name="users.txt"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n")
    return str(path)


def test_dry_run_plans_avery_and_zoe_in_order(tmp_path):
    path = users_file(tmp_path, ["# the two seed users", AVERY, "", ZOE + "   # every method type"])
    result = run("reset-mfa", "--users-file", path, "--dry-run", "--output", "json", state_dir=tmp_path / "state")
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["policy"] == "portal"
    by_name = {u["principalName"]: u for u in plan["users"]}
    avery = by_name[AVERY]
    assert [(s["title"], s["action"], s["isDefault"]) for s in avery["steps"]] == [
        ("Office phone", "delete", False), ("Mobile phone", "delete", True)]  # sms default: the mobile, last
    assert [k["kind"] for k in avery["kept"]] == ["password"]
    zoe = by_name[ZOE]
    titles = [s["title"] for s in zoe["steps"]]
    assert titles.index("Alternate mobile phone") < titles.index("Mobile phone")
    assert zoe["steps"][-1]["kind"] == "microsoftAuthenticator" and zoe["steps"][-1]["isDefault"]  # push: last
    assert [s["isDefault"] for s in zoe["steps"]].count(True) == 1
    assert {s["kind"] for s in zoe["steps"]} == {"hardwareOath", "softwareOath", "microsoftAuthenticator", "phone"}
    assert next(s for s in zoe["steps"] if s["kind"] == "hardwareOath")["action"] == "deactivate"
    assert {k["kind"] for k in zoe["kept"]} == {
        "password", "email", "fido2", "temporaryAccessPass", "windowsHelloForBusiness", "platformCredential"}
    # A deactivated hardware token does not count as another method, so no refusal is foretold.
    assert not any("deactivated token" in note for note in zoe["notes"])
    assert plan["totals"]["users"] == 2 and plan["totals"]["steps"] == 2 + 6
    assert not (tmp_path / "state" / "journal.sqlite").exists()  # a dry run journals nothing

    table = run("reset-mfa", AVERY, "--dry-run", state_dir=tmp_path / "state")
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert any("1. Delete Office phone" in line for line in lines)
    assert any("2. Delete Mobile phone (default method, last)" in line for line in lines)
    assert any(line.startswith("Totals: 1 user") for line in lines)
    assert table.stderr == ""  # progress only on a terminal


def test_policy_all_and_users_across_tenants(tmp_path):
    result = run("reset-mfa", "--dry-run", "--policy", "all", "--output", "csv",
                 "contoso:" + ZOE, "fabrikam:olga.smirnova@fabrikam.com", "nobody@contoso.com",
                 state_dir=tmp_path / "state")
    assert result.returncode == 0, result.stderr
    rows = result.stdout.splitlines()
    assert rows[0].startswith("tenant,user,principalName,name,order,action")
    assert any(r.startswith("fabrikam,") and ",delete,FIDO2" in r for r in rows)
    assert any(r.startswith("contoso,") and ",keep,Password" in r for r in rows)
    unreadable = [r for r in rows if ",unreadable," in r]
    assert len(unreadable) == 1 and "nobody@contoso.com" in unreadable[0]
    assert "HTTP 404" in unreadable[0] and "request id" in unreadable[0]


@pytest.mark.parametrize("content,needle", [
    ("name,mail\nAvery,avery@contoso.com\n", "line 1: a CSV file needs a header with a 'user' column"),
    ("user,comment\navery.howard@contoso.com,x\n,missing\n", "line 3: no value in the 'user' column"),
    ("avery.howard@contoso.com\nzoe lindqvist\n", "line 2:"),
    ("# nothing\n\n", "no users in it"),
])
def test_a_bad_users_file_exits_2_naming_the_line(tmp_path, content, needle):
    path = tmp_path / "users.csv"
    path.write_text(content)
    result = run("reset-mfa", "--users-file", str(path), "--dry-run", state_dir=tmp_path / "state")
    assert result.returncode == 2
    assert needle in result.stderr


def test_read_only_allows_a_dry_run_only(tmp_path):
    refused = run("reset-mfa", AVERY, "--yes", "--read-only", state_dir=tmp_path / "state")
    assert refused.returncode == 4 and "--dry-run" in refused.stderr
    assert not (tmp_path / "state" / "journal.sqlite").exists()
    allowed = run("reset-mfa", AVERY, "--dry-run", "--read-only", state_dir=tmp_path / "state")
    assert allowed.returncode == 0, allowed.stderr


def test_unknown_job_and_unknown_tenant_are_bad_input(tmp_path):
    shown = run("jobs", "show", "20260101-000000-dead", state_dir=tmp_path / "state")
    assert shown.returncode == 2 and "jobs list" in shown.stderr
    prefixed = run("reset-mfa", "--dry-run", "nowhere:" + AVERY, state_dir=tmp_path / "state")
    assert prefixed.returncode == 2 and "no profile 'nowhere'" in prefixed.stderr and "contoso" in prefixed.stderr


def test_a_csv_users_file_with_a_user_column(tmp_path):
    path = tmp_path / "users.csv"
    path.write_text("ticket,user\nINC-1,avery.howard@contoso.com\nINC-2,\"zoe.lindqvist@contoso.com\"\n")
    result = run("reset-mfa", "--users-file", str(path), "--dry-run", "--output", "json", state_dir=tmp_path / "s")
    assert result.returncode == 0, result.stderr
    assert sorted(u["principalName"] for u in json.loads(result.stdout)["users"]) == sorted([AVERY, ZOE])


def test_without_a_terminal_and_without_yes_nothing_is_sent(tmp_path):
    result = run("reset-mfa", AVERY, state_dir=tmp_path / "state", input="RESET 1\n")
    assert result.returncode == 2
    assert "--yes" in result.stderr
    assert not (tmp_path / "state" / "journal.sqlite").exists()


def test_a_run_removes_the_phones_and_keeps_fido2_and_email(tmp_path):
    state = tmp_path / "state"
    with served() as sandbox:
        env = graph_env(sandbox)
        result = run("reset-mfa", AVERY, ZOE, "--yes", "--ticket", "INC-42", "--output", "json",
                     state_dir=state, env=env)
        assert result.returncode == 0, result.stderr
        rows = {r["name"]: r for r in json.loads(result.stdout)}
        avery = rows["Avery Howard (avery.howard@contoso.com)"]  # journalled as name and principal name
        assert avery["state"] == "done" and avery["done"] == 2
        assert [m["kind"] for m in methods(AVERY, sandbox, state)] == ["password"]

        zoe = rows["Zoë Lindqvist-Núñez (zoe.lindqvist@contoso.com)"]
        # The hardware token is deactivated before the default (the authenticator) goes last; a
        # deactivated token cannot be used to sign in, so it does not count as another method
        # and the default's delete succeeds: Zoë's reset ends done.
        assert zoe["state"] == "done", zoe
        left = methods(ZOE, sandbox, state)
        kinds = sorted(m["kind"] for m in left)
        assert "phone" not in kinds and "softwareOath" not in kinds and "microsoftAuthenticator" not in kinds
        assert {"fido2", "email", "password", "hardwareOath"} <= set(kinds)
        token = next(m for m in left if m["kind"] == "hardwareOath")
        assert "activated" not in token["summary"].replace("deactivated", "")

        job = avery["job"]
        shown = json.loads(run("jobs", "show", job, "--output", "json", state_dir=state).stdout)
        assert shown["job"]["ticket"] == "INC-42" and shown["job"]["state"] == "finished"
        listed = json.loads(run("jobs", "list", "--output", "json", state_dir=state).stdout)
        assert [(j["id"], j["usersDone"], j["usersFailed"]) for j in listed] == [(job, 2, 0)]

        audit = run("journal", "--user", AVERY.upper(), "--output", "json", state_dir=state)
        assert audit.returncode == 0, audit.stderr
        entries = json.loads(audit.stdout)
        by_name = run("journal", "--user", "avery howard", "--output", "json", state_dir=state)
        assert json.loads(by_name.stdout) == entries
        assert [(e["action"], e["outcome"]) for e in entries] == [("delete method", "succeeded")] * 2
        assert all(e["ticket"] == "INC-42" and e["tenant"] == "env" and e["job"] == job for e in entries)
        zoe_entries = json.loads(run("journal", "--user", shown["users"][1]["user"]["userID"], "--output", "json",
                                     state_dir=state).stdout)
        assert len(zoe_entries) == 6 and {e["outcome"] for e in zoe_entries} == {"succeeded"}
        secret = env["AZURE_CLIENT_SECRET"]
        for text in (result.stdout, result.stderr, audit.stdout):
            assert secret not in text
        assert secret.encode() not in (state / "journal.sqlite").read_bytes()


def test_a_run_with_faults_ends_with_every_user_done_or_reported(tmp_path):
    state = tmp_path / "state"
    with served("--users", "40", "--faults", "0.2") as sandbox:
        users = generated_users(sandbox, state, 15)
        path = users_file(tmp_path, users)
        result = run("reset-mfa", "--users-file", path, "--yes", "--policy", "all", "--output", "json",
                     state_dir=state, env=graph_env(sandbox))
        assert result.returncode in (0, 1), result.stderr
        rows = json.loads(result.stdout)
        assert len(rows) == len(users)
        for row in rows:
            assert row["state"] in ("done", "failed", "unreadable"), row
            if row["state"] != "done":
                assert row["reason"], row
                continue
            for _ in range(10):  # the listing itself may meet a fault
                listed = run("methods", "list", row["user"], "--output", "json", state_dir=state, env=graph_env(sandbox))
                if listed.returncode == 0:
                    assert [m["kind"] for m in json.loads(listed.stdout)] == ["password"], row
                    break
            else:
                pytest.fail("cannot list the methods of " + row["user"] + ": " + listed.stderr)


def test_a_job_killed_mid_run_is_resumed_with_nothing_done_twice(tmp_path):
    state = tmp_path / "state"
    with served("--users", "30", "--latency-ms", "120") as sandbox:
        env = graph_env(sandbox)
        users = [AVERY] + generated_users(sandbox, state, 8)
        path = users_file(tmp_path, users)
        process = subprocess.Popen(
            [str(BINARY), "reset-mfa", "--users-file", path, "--yes", "--policy", "all", "--concurrency", "1"],
            env=base_env(state, env), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        def job_id():
            if not (state / "journal.sqlite").exists():
                return None
            listed = run("jobs", "list", "--output", "json", state_dir=state)
            return listed.returncode == 0 and json.loads(listed.stdout) and json.loads(listed.stdout)[0]["id"]

        job = wait_for(job_id, "the job to be journalled")

        def some_done():
            shown = json.loads(run("jobs", "show", job, "--output", "json", state_dir=state).stdout)
            return shown["counts"]["stepsDone"] >= 3 and shown

        before = wait_for(some_done, "some steps to be done")
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        assert before["counts"]["stepsDone"] < before["counts"]["steps"], "the job finished before the kill"

        resumed = run("jobs", "resume", job, "--output", "json", state_dir=state, env=env)
        assert resumed.returncode == 0, resumed.stdout + resumed.stderr
        assert {r["state"] for r in json.loads(resumed.stdout)} == {"done"}

        after = json.loads(run("jobs", "show", job, "--output", "json", state_dir=state).stdout)
        assert after["job"]["state"] == "finished"
        assert after["counts"]["stepsDone"] == after["counts"]["steps"]
        audit = json.loads(run("journal", "--output", "json", state_dir=state).stdout)
        for entry in after["users"]:
            user = entry["user"]
            left = [m["kind"] for m in methods(user["userID"], sandbox, state)]
            assert left == ["password"], (user["displayName"], left)
            for step in entry["steps"]:
                target = step["title"] + " " + step["methodID"]
                matching = [a for a in audit if a["user"] == user["userID"] and a["target"] == target and a["job"] == job]
                assert len(matching) == 1, (user["displayName"], target, matching)
                assert matching[0]["outcome"] == "succeeded"
        assert len([a for a in audit if a["job"] == job]) == after["counts"]["steps"]

        again = run("jobs", "resume", job, state_dir=state, env=env)
        assert again.returncode == 2 and "finished" in again.stderr


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_mid_run_pauses_the_job_and_resume_finishes_it(tmp_path, sig):
    state = tmp_path / "state"
    with served("--users", "30", "--latency-ms", "120") as sandbox:
        env = graph_env(sandbox)
        users = [AVERY] + generated_users(sandbox, state, 8)
        path = users_file(tmp_path, users)
        process = subprocess.Popen(
            [str(BINARY), "reset-mfa", "--users-file", path, "--yes", "--policy", "all", "--concurrency", "1",
             "--output", "json"],
            env=base_env(state, env), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True)

        def job_id():
            if not (state / "journal.sqlite").exists():
                return None
            listed = run("jobs", "list", "--output", "json", state_dir=state)
            return listed.returncode == 0 and json.loads(listed.stdout) and json.loads(listed.stdout)[0]["id"]

        job = wait_for(job_id, "the job to be journalled")

        def some_done():
            shown = json.loads(run("jobs", "show", job, "--output", "json", state_dir=state).stdout)
            return shown["counts"]["stepsDone"] >= 3 and shown

        wait_for(some_done, "some steps to be done")
        process.send_signal(sig)
        out, err = process.communicate(timeout=30)
        assert process.returncode == 130, err
        assert "jobs resume " + job in err

        stopped = json.loads(run("jobs", "show", job, "--output", "json", state_dir=state).stdout)
        assert stopped["job"]["state"] == "paused"
        assert stopped["counts"]["stepsDone"] < stopped["counts"]["steps"], "the job finished before the signal"
        sent = [s for u in stopped["users"] for s in u["steps"] if s["state"] == "sent"]
        assert sent == [], "a step in flight was not journalled"

        resumed = run("jobs", "resume", job, "--output", "json", state_dir=state, env=env)
        assert resumed.returncode == 0, resumed.stdout + resumed.stderr
        assert {r["state"] for r in json.loads(resumed.stdout)} == {"done"}
        after = json.loads(run("jobs", "show", job, "--output", "json", state_dir=state).stdout)
        assert after["job"]["state"] == "finished"
        audit = json.loads(run("journal", "--output", "json", state_dir=state).stdout)
        assert len([a for a in audit if a["job"] == job]) == after["counts"]["steps"]  # nothing done twice


def spawn_on_terminal(args, state, env):
    import pexpect
    return pexpect.spawn(str(BINARY), list(args), env=base_env(state, env), dimensions=(40, 200), timeout=60,
                         encoding="utf-8")


def test_on_a_terminal_the_operator_types_reset_count_and_sees_progress(tmp_path):
    import pexpect
    state = tmp_path / "state"
    with served() as sandbox:
        env = graph_env(sandbox)
        child = spawn_on_terminal(["reset-mfa", AVERY], state, env)
        child.expect("Type RESET 1 to run this plan")
        child.sendline("RESET 2")
        child.expect("not confirmed")
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == 2
        assert sorted(m["kind"] for m in methods(AVERY, sandbox, state)) == ["password", "phone", "phone"]

        child = spawn_on_terminal(["reset-mfa", AVERY, "--ticket", "INC-7"], state, env)
        child.expect("Type RESET 1 to run this plan")
        child.sendline("RESET 1")
        child.expect(r"\[users 0 done, 0 failed, 1 running of 1; steps 1/2, [0-9.]+/s\] env Avery Howard \(avery.howard@contoso.com\): Delete Office phone: done")
        child.expect(r"env Avery Howard \(avery.howard@contoso.com\): verifying")
        child.expect(r"env Avery Howard \(avery.howard@contoso.com\): done")
        child.expect(r"Job \S+: finished; 1 done, 0 failed")
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == 0
        assert [m["kind"] for m in methods(AVERY, sandbox, state)] == ["password"]


def test_one_job_across_two_entra_tenants_and_auth0(tmp_path):
    state = tmp_path / "state"
    with served() as sandbox:
        contoso = next(t for t in sandbox["tenants"] if t["name"] == "contoso")
        fabrikam = next(t for t in sandbox["tenants"] if t["name"] == "fabrikam")
        config = tmp_path / "config.toml"
        config.write_text(f'''
default_profile = "contoso"
[profiles.contoso]
tenant_id = "{contoso["id"]}"
client_id = "{contoso["clientId"]}"
sign_in = "client-secret"
client_secret_env = "CONTOSO_SECRET"
authority_url = "{sandbox["authority"]}"
graph_url = "{sandbox["authority"]}"
[profiles.fabrikam]
tenant_id = "{fabrikam["id"]}"
client_id = "{fabrikam["clientId"]}"
sign_in = "client-secret"
client_secret_env = "FABRIKAM_SECRET"
authority_url = "{sandbox["authority"]}"
graph_url = "{sandbox["authority"]}"
[profiles.acme]
provider = "auth0"
domain = "{sandbox["auth0"]["domain"]}"
client_id = "{sandbox["auth0"]["clientId"]}"
client_secret_env = "ACME_SECRET"
''')
        env = {"CONTOSO_SECRET": contoso["clientSecret"], "FABRIKAM_SECRET": fabrikam["clientSecret"],
               "ACME_SECRET": sandbox["auth0"]["clientSecret"]}
        result = run("--config", str(config), "reset-mfa", "--yes", "--output", "json", AVERY,
                     "fabrikam:kenji.tanaka@fabrikam.com", "acme:marta.nowak@example.com",
                     state_dir=state, env=env)
        assert result.returncode == 0, result.stdout + result.stderr
        rows = json.loads(result.stdout)
        assert sorted((r["tenant"], r["state"]) for r in rows) == [
            ("acme", "done"), ("contoso", "done"), ("fabrikam", "done")]

        def kinds(profile, user):
            listed = run("--config", str(config), "--profile", profile, "methods", "list", user, "--output", "json",
                         state_dir=state, env=env)
            assert listed.returncode == 0, listed.stderr
            return sorted(m["kind"] for m in json.loads(listed.stdout))

        assert kinds("contoso", AVERY) == ["password"]
        assert kinds("fabrikam", "kenji.tanaka@fabrikam.com") == ["password"]
        assert "auth0Phone" not in kinds("acme", "marta.nowak@example.com")
        assert "auth0RecoveryCode" not in kinds("acme", "marta.nowak@example.com")
        assert "auth0WebAuthnRoaming" in kinds("acme", "marta.nowak@example.com")
        audit = json.loads(run("journal", "--output", "json", state_dir=state).stdout)
        assert {a["tenant"] for a in audit} == {"contoso", "fabrikam", "acme"}
        everything = result.stdout + result.stderr + json.dumps(audit) + str((state / "journal.sqlite").read_bytes())
        for secret in env.values():
            assert secret not in everything


def test_an_authentication_administrator_cannot_reset_an_admin(tmp_path):
    """Signed in as the tenant's operator (device code), changes to a global administrator would be
    refused: the pre-flight marks that user refused before the run, nothing is sent for them (exit
    4), the others go on."""
    state = tmp_path / "state"
    with served() as sandbox:
        contoso = next(t for t in sandbox["tenants"] if t["name"] == "contoso")
        config = tmp_path / "config.toml"
        config.write_text(f'''
[profiles.contoso]
tenant_id = "{contoso["id"]}"
client_id = "{contoso["clientId"]}"
sign_in = "device-code"
authority_url = "{sandbox["authority"]}"
graph_url = "{sandbox["authority"]}"
''')
        result = run("--config", str(config), "reset-mfa", "--yes", "--output", "json", AVERY,
                     "priya.raman@contoso.com", state_dir=state)
        assert result.returncode == 4, result.stdout + result.stderr
        rows = {r["name"].split(" (")[0]: r for r in json.loads(result.stdout)}
        assert rows["Avery Howard"]["state"] == "done"
        priya = rows["Priya Raman"]
        assert priya["state"] == "refused" and priya["done"] == 0 and priya["failed"] == 0
        assert priya["reason"].startswith("pre-flight, nothing sent: Priya Raman is a Global Administrator")
        assert priya["untouched"] >= 1  # her planned steps, none sent

        assert json.loads(run("journal", "--since", "2999-01-01", "--output", "json", state_dir=state).stdout) == []
        bad = run("journal", "--since", "yesterday", state_dir=state)
        assert bad.returncode == 2 and "ISO 8601" in bad.stderr
