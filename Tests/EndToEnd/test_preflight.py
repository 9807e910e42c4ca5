"""The pre-flight as an operator meets it: in the console's dialogs (the embedded sandbox's
operator is an Authentication Administrator), in `reset-mfa`'s plan and run, and in the
single-user commands. Priya Raman is a Global Administrator; Søren Kjærgaard is synced from
on-premises without password writeback."""
import json
import os
import subprocess

from cli import cli_env, graph_env, served, tenant
from console_steps import skip_ticket
from terminal import BINARY

PRIYA = "priya.raman@contoso.com"
SOREN = "soren.kjaergaard@contoso.com"
AVERY = "avery.howard@contoso.com"
REFUSAL = "Priya Raman is a Global Administrator; an Authentication Administrator cannot"


def open_user(term, name):
    term.wait_for("Cameron White")
    term.press("/")
    term.type(name)
    term.wait_for(lambda s: "1 user" in s and name in s)
    term.press("enter")
    term.wait_for(lambda s: f"Methods · {name}" in s and "password set" in s)
    term.press("enter")
    term.wait_for(lambda s: s.splitlines()[-1].startswith(" esc back"))


def dialog_text(screen):
    """The dialog's lines joined, so that wrapped sentences read whole."""
    rows = [line for line in screen.splitlines() if "│" in line]
    parts = []
    for row in rows:
        cells = row.split("│")
        if len(cells) >= 3:
            parts.append(max(cells, key=len).strip())
    return " ".join(parts)


def test_the_console_says_priya_will_be_refused_before_confirming(console):
    term = console()
    open_user(term, "Priya Raman")
    term.press("j")
    term.wait_for("Details · Microsoft Authenticator")
    term.press("d")
    skip_ticket(term)
    screen = term.wait_for(lambda s: "Delete a method" in s and "Will be refused" in s)
    joined = " ".join(screen.split())
    assert "You: helpdesk@contoso.com · Authentication Administrator" in joined
    assert "Global Administrator" in joined and "ask a Privileged" in joined
    assert "[ Cancel ]  [ Delete anyway (will be refused) ]" in screen
    term.press("esc")
    term.wait_for(lambda s: "Delete a method" not in s)

    term.press("a")
    screen = term.wait_for(lambda s: "Add a phone for Priya Raman" in s and "Will be refused" in s)
    assert "[ Add anyway (will be refused) ]" in screen
    # The operator may still try: the service decides, and refuses.
    term.press("tab")
    term.type("+1 4255550100")
    term.press("enter")
    screen = term.wait_for(lambda s: "Refused:" in s and "403" in s)
    assert "Add a phone for Priya Raman" in screen


def test_a_synced_users_password_reset_is_a_warning_and_a_plain_user_is_clear(console):
    term = console()
    open_user(term, "Søren Kjærgaard")
    term.press("p")
    skip_ticket(term)
    screen = term.wait_for(lambda s: "Reset the password of" in s and "Warning:" in s)
    joined = " ".join(screen.split())
    assert "synced from on-premises" in joined and "writeback" in joined
    assert "[ Cancel ]  [ Reset ]" in screen
    term.press("esc")
    term.press("t")
    screen = term.wait_for(lambda s: "Issue a Temporary Access Pass" in s and "You: helpdesk" in s)
    term.pump(0.5)
    screen = term.text()
    assert "Will be refused" not in screen and "Warning:" not in screen and "checking" not in screen


def test_the_help_screen_shows_who_is_signed_in(console):
    term = console()
    term.wait_for("Cameron White")
    term.press("?")
    screen = term.wait_for("signed in as helpdesk@contoso.com · Authentication Administrator")
    assert "Help: keys" in screen


def run(*args, env, timeout=120, input=None):
    return subprocess.run([str(BINARY), *args], env=env, capture_output=True, text=True, timeout=timeout,
                          input=input, stdin=None if input is not None else subprocess.DEVNULL)


def test_a_dry_run_lists_priya_as_refused(tmp_path):
    with served() as sandbox:
        env = cli_env({"AUTHDESK_STATE_DIR": str(tmp_path / "state")})
        device_code_config(env["HOME"], sandbox)
        result = run("reset-mfa", PRIYA, AVERY, "--dry-run", "--output", "json", env=env)
        assert result.returncode == 0, result.stderr
        plan = json.loads(result.stdout)
        by_name = {u["principalName"]: u for u in plan["users"]}
        assert by_name[PRIYA]["willBeRefused"] is True
        assert by_name[PRIYA]["refusal"].startswith(REFUSAL)
        assert by_name[AVERY]["willBeRefused"] is False and by_name[AVERY]["refusal"] is None
        assert plan["totals"]["refused"] == 1
        assert plan["totals"]["steps"] == 2  # Avery's two phones; none for Priya

        table = run("reset-mfa", PRIYA, "--dry-run", env=env)
        assert table.returncode == 0, table.stderr
        assert "[WILL BE REFUSED]" in table.stdout
        assert "note: WILL BE REFUSED, skipped by the run: " + REFUSAL in table.stdout
        assert "1 will be refused (skipped, nothing sent)" in table.stdout


def test_an_application_sign_in_only_warns(tmp_path):
    """The embedded sandbox's reset-mfa signs in as the application: its role cannot be read, so
    the pre-flight warns and Priya stays in the plan."""
    env = cli_env({"AUTHDESK_STATE_DIR": str(tmp_path / "state")})
    result = run("reset-mfa", PRIYA, "--dry-run", "--output", "json", env=env)
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["users"][0]["willBeRefused"] is False and plan["totals"]["refused"] == 0
    assert any("your role is unknown (application sign-in)" in note for note in plan["users"][0]["notes"])


def device_code_config(home, sandbox):
    """A profile that signs in to the served sandbox's contoso with a device code, as its operator."""
    entry = tenant(sandbox, "contoso")
    folder = os.path.join(home, "config", "authdesk")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "config.toml"), "w") as file:
        file.write(f"""default_profile = "contoso"

[profiles.contoso]
provider = "graph"
tenant_id = "{entry['id']}"
client_id = "{entry['clientId']}"
sign_in = "device-code"
authority_url = "{sandbox['authority']}"
graph_url = "{sandbox['graph'].rsplit('/', 1)[0]}"
""")


def methods(user, env):
    result = run("methods", "list", user, "--output", "json", env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_real_run_leaves_priya_untouched_and_sends_nothing_for_her(tmp_path):
    with served() as sandbox:
        env = cli_env({"AUTHDESK_STATE_DIR": str(tmp_path / "state")})
        device_code_config(env["HOME"], sandbox)
        app = cli_env(graph_env(sandbox))
        priya_before = methods(PRIYA, app)
        result = run("reset-mfa", PRIYA, AVERY, "--yes", "--output", "json", env=env)
        assert result.returncode == 4, result.stdout + result.stderr  # refused, nothing else failed
        rows = {r["user"]: r for r in json.loads(result.stdout)}
        priya = next(r for r in rows.values() if r["name"] == "Priya Raman")
        assert priya["state"] == "refused" and priya["done"] == 0 and priya["failed"] == 0
        assert priya["reason"].startswith("pre-flight, nothing sent: " + REFUSAL)
        avery = next(r for r in rows.values() if r["name"].startswith("Avery Howard"))
        assert avery["state"] == "done"
        assert methods(PRIYA, app) == priya_before
        assert [m["kind"] for m in methods(AVERY, app)] == ["password"]
        # The job holds no step for her: nothing was ever sent.
        shown = json.loads(run("jobs", "show", avery["job"], "--output", "json", env=env).stdout)
        assert [u["user"]["displayName"] for u in shown["users"]] == ["Avery Howard (avery.howard@contoso.com)"]
        # Journalled as the operator who signed in with the device code, not the local account.
        listed = json.loads(run("jobs", "list", "--output", "json", env=env).stdout)
        assert [job["operator"] for job in listed] == ["helpdesk@contoso.com"]


def test_single_user_commands_stop_before_sending_unless_forced(tmp_path):
    with served() as sandbox:
        env = cli_env({"AUTHDESK_STATE_DIR": str(tmp_path / "state")})
        device_code_config(env["HOME"], sandbox)
        app = cli_env(graph_env(sandbox))
        before = methods(PRIYA, app)
        refused = run("methods", "add-phone", PRIYA, "--type", "office", "--number", "+1 4255550100", env=env)
        assert refused.returncode == 4
        assert "Pre-flight: the service will refuse this: " + REFUSAL in refused.stderr
        assert "Nothing was sent; --force sends it anyway" in refused.stderr
        assert methods(PRIYA, app) == before
        forced = run("methods", "add-phone", PRIYA, "--type", "office", "--number", "+1 4255550100", "--force",
                     env=env)
        assert forced.returncode == 4  # the service refused it too
        assert "sending anyway (--force)" in forced.stderr and "HTTP 403" in forced.stderr
        assert methods(PRIYA, app) == before

        synced = run("password", "reset", SOREN, "--password-stdin", env=env, input="Wr1teback-Needed!\n")
        assert "pre-flight warning: Søren Kjærgaard is synced from on-premises" in synced.stderr
        app_reset = run("password", "reset", AVERY, env=app)
        assert app_reset.returncode == 4
        assert "needs a signed-in operator" in app_reset.stderr
