"""The console's users pane in team mode marks a user another host holds: host B's console sees
the mark and who holds the user ("held by OPERATOR on HOST since HH:MM, ticket T", wrapped at the
top of the methods pane at 80 columns) appear when host A's lease is taken in the shared journal,
and go when it is released, without a reload."""
import json

from cli import served
from test_team_leases import database_of, host_env, run

HELD = "held by alice@jump-1 on jump-1 since "


def methods_pane(screen):
    """The text of the right-hand panes (methods, then details), row after row: what is between
    their borders, the users pane's border first."""
    parts = (line.split("│") for line in screen.splitlines())
    return " ".join(" ".join(row[3].split()) for row in parts if len(row) > 3 and row[3].strip())


def cameron_row(screen):
    return next((line for line in screen.splitlines() if "Cameron White" in line and "CameronW@" in line), "")


def test_the_console_marks_a_user_while_another_host_holds_them(tmp_path, postgres_cluster, team_journal, console):
    with served() as sandbox:
        env_b = host_env("b", tmp_path, sandbox, team_journal)
        found = run(env_b, "users", "search", "Cameron", "--output", "json")
        assert found.returncode == 0, found.stderr
        cameron = next(u for u in json.loads(found.stdout) if u["principalName"] == "CameronW@contoso.com")
        database = database_of(team_journal)

        term = console(env={key: value for key, value in env_b.items() if key != "HOME"}, home=env_b["HOME"],
                       rows=24, cols=80)
        term.press("/")
        term.type("Cameron")
        term.wait_for(lambda s: "1 user" in s and "Cameron White" in s)
        term.press("enter")
        screen = term.wait_for(lambda s: "Methods · Cameron White" in s and "password set" in s)
        assert "⊘" not in cameron_row(screen) and "held by" not in screen

        # Host A's change takes Cameron's lease (the row it writes): the activity feed tells host B.
        postgres_cluster.psql(
            "INSERT INTO user_lease (tenant, user_id, token, operator_name, host, pid, ticket, since, expires_at) "
            f"VALUES ('env', '{cameron['id']}', 'token-host-a', 'alice@jump-1', 'jump-1', 4101, 'INC-7', now(), "
            "now() + interval '10 minutes')", database=database)
        screen = term.wait_for(lambda s: HELD in methods_pane(s) and "⊘" in cameron_row(s))
        pane = methods_pane(screen)
        assert "⊘ " + HELD in pane and ", ticket INC-7" in pane and "…" not in pane, pane
        assert "Methods · Cameron White" in screen

        postgres_cluster.psql("DELETE FROM user_lease WHERE token = 'token-host-a'", database=database)
        screen = term.wait_for(lambda s: "held by" not in s and "⊘" not in cameron_row(s))
        assert "Methods · Cameron White" in screen
