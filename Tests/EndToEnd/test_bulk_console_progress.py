"""The console's bulk reset of many marked users shows how planning goes while the plan is
computed: users planned of the total, the rate and the time left (against a served sandbox
whose latency makes planning last long enough to be read)."""
import re

from cli import graph_env, served

PLANNED = re.compile(r"(\d+)/(\d+) users planned · (\S+) users/s · (.+?)(?:\s{2,}|$)", re.M)


def planning_midway(text):
    """The planning screen with some users planned, not all, and a rate measured."""
    found = PLANNED.search(text)
    return found is not None and 0 < int(found.group(1)) < int(found.group(2)) and found.group(3) != "-"


def plan_every_user(console, sandbox, state, marked_pattern):
    """A console on `sandbox` (as its application) that marks every user with `*` (the count
    matching `marked_pattern`), opens the bulk reset and plans it with the portal policy;
    returns the terminal, the tenant marked and how many users."""
    term = console(rows=40, cols=120, env=dict(graph_env(sandbox), AUTHDESK_STATE_DIR=str(state)))
    term.wait_for("Avery Howard")
    term.type("*")
    screen = term.wait_for(re.compile(marked_pattern).search, timeout=60)
    tenant, marked = re.search(r"marked: (\S+) (\d+)", screen).groups()
    term.type("R")
    term.wait_for("choose the policy")
    term.press("enter")
    return term, tenant, int(marked)


def test_planning_many_marked_users_shows_users_planned_rate_and_time_left(console, tmp_path):
    with served("--users", "2000", "--latency-ms", "200") as sandbox:
        term, _, marked = plan_every_user(console, sandbox, tmp_path / "state", r"marked: \S+ \d{4}")
        assert marked >= 2000

        screen = term.wait_for(planning_midway, timeout=60, settle=0.02)
        assert "reading methods" in screen.split("\n")[0]
        assert f"reading the methods of {marked} users" in screen
        done, total, rate, left = PLANNED.search(screen).groups()
        assert int(total) == marked
        assert float(rate) > 0
        assert re.fullmatch(r"\d+:\d\d left", left), left
        bar = re.search(r"(\d+)% (\d+)/(\d+) planned", screen)
        assert bar and bar.group(2) == done and bar.group(3) == total

        screen = term.wait_for("plan (dry run)", timeout=120)
        assert f"{marked} users" in screen, "\n".join(screen.split("\n")[:4])


WAITING = re.compile(r"waiting for limits: ([\d.]+) s, (\w+)")


def test_a_run_held_by_the_write_budget_says_it_waits_for_limits(console, tmp_path):
    # 20 writes per 2.5 minutes: past the 20th, the sandbox answers 429 with a Retry-After of
    # about 7.5 s, and the run screen says so while the transport waits.
    with served("--users", "40", "--graph-write-budget", "20") as sandbox:
        term, marked_tenant, _ = plan_every_user(console, sandbox, tmp_path / "state", r"marked: \S+ \d+")
        term.wait_for("plan (dry run)", timeout=60)
        term.press("enter")
        screen = term.wait_for(re.compile(r"Type RESET \d+ to run:").search)
        term.type(re.search(r"Type (RESET \d+) to run:", screen).group(1))
        term.press("enter")

        screen = term.wait_for(WAITING.search, timeout=60, settle=0)
        seconds, tenant = WAITING.search(screen).groups()
        assert tenant == marked_tenant  # the profile's name (the AZURE_* variables' tenant)
        assert 1 <= float(seconds) <= 10
        status = [line for line in screen.split("\n") if "steps/s" in line]
        assert status and "waiting for limits" in status[0], "said beside the rate, on the run's status line"
        term.type("c")
