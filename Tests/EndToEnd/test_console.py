"""The console as an operator uses it: the real binary in a pty, the screen read through pyte."""
import os
import signal
import time

import pytest


BOX = set("─│┌┐└┘├┤")


def restored(term):
    """The terminal was given back: the alternate screen left and the cursor shown again."""
    raw = bytes(term.raw)
    return b"\x1b[?1049l" in raw[-200:] and b"\x1b[?25h" in raw[raw.rfind(b"\x1b[?1049l") - 200:]


def test_search_cameron_open_and_see_the_password(console):
    term = console()
    term.wait_for("contoso")
    term.wait_for("Cameron White")
    term.press("/")
    term.type("Cameron")
    screen = term.wait_for(lambda s: "1 user" in s and "Cameron White" in s)
    assert "Avery Howard" not in screen
    term.press("enter")
    screen = term.wait_for(lambda s: "Methods · Cameron White" in s and "Details · Password" in s)
    assert "password set" in screen
    assert "28c10230-6103-485e-b985-444c600" in screen
    term.press("q")
    status, sig = term.wait_exit()
    assert (status, sig) == (0, None)
    assert restored(term)


def test_avery_has_a_mobile_and_an_office_phone(console):
    term = console()
    term.wait_for("Cameron White")
    term.press("/")
    term.type("avery.howard")
    term.wait_for("1 user")
    term.press("enter")
    screen = term.wait_for("Office phone")
    assert "Mobile phone" in screen
    assert "+1 2065550123" in screen


def test_stale_answers_never_replace_newer_ones(console):
    term = console()
    term.wait_for("Cameron White")
    term.press("/")
    for ch in "avery.howard":
        term.type(ch)
    term.press("backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
    term.type("howard")
    screen = term.wait_for(lambda s: "/ avery.howard" in s and "1 user" in s)
    assert "Avery Howard" in screen


def test_resize_redraws_at_the_new_size(console):
    term = console(rows=24, cols=80)
    term.wait_for("Cameron White")
    term.resize(40, 120)
    screen = term.wait_for(lambda s: any(len(line) > 100 and line.rstrip().endswith("┐") for line in s.splitlines()))
    lines = screen.splitlines()
    assert lines[0].startswith(" contoso")
    assert "Users" in screen and "Methods" in screen
    term.resize(24, 80)
    screen = term.wait_for(lambda s: len(s.splitlines()) == 24 and s.splitlines()[21].endswith("┘")
                           and s.splitlines()[2].endswith("┐"))
    assert all(len(line) <= 80 for line in screen.splitlines())
    assert "Cameron White" in screen


def test_wide_names_take_their_real_width(console):
    term = console()
    term.wait_for("佐藤 浩然")
    # pyte keeps a wide character in one cell and leaves the next one empty: the frame on the
    # right of the users pane must still be in column 35 on the row of a CJK name.
    for row in range(term.screen.lines):
        line = "".join(term.screen.buffer[row][col].data for col in range(term.screen.columns))
        if "佐藤" in line:
            assert term.screen.buffer[row][35].data == "│"
            assert term.screen.buffer[row][36].data in "│┌"
            break
    else:
        pytest.fail("no CJK name on screen")


def test_ascii_lines_without_a_utf8_locale(console):
    term = console(env={"LANG": "C", "LC_ALL": "C"})
    screen = term.wait_for("Cameron White")
    assert not (set(screen) & BOX)
    assert "+" in screen and "|" in screen
    term2 = console("--ascii")
    screen = term2.wait_for("Cameron White")
    assert not (set(screen) & BOX)


def test_no_color_means_no_colours(console):
    colored = console()
    colored.wait_for("Cameron White")
    colors = {colored.screen.buffer[0][c].bg for c in range(80)} | {colored.screen.buffer[0][c].fg for c in range(80)}
    assert colors != {"default"}
    plain = console(env={"NO_COLOR": "1"})
    plain.wait_for("Cameron White")
    for row in range(24):
        for col in range(80):
            cell = plain.screen.buffer[row][col]
            assert (cell.fg, cell.bg) == ("default", "default"), (row, col, cell)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
def test_signals_restore_the_terminal(console, sig):
    term = console()
    term.wait_for("Cameron White")
    term.child.kill(sig)
    status, signalstatus = term.wait_exit()
    assert restored(term)
    assert status is not None or signalstatus == sig


def test_exits_when_the_terminal_goes_away(console):
    term = console()
    term.wait_for("Cameron White")
    os.close(term.child.child_fd)  # the master side closes: the program reads EOF/EIO
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and term.child.isalive():
        time.sleep(0.05)
    assert not term.child.isalive(), "authdesk kept running after its terminal went away"


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def test_idle_console_uses_no_cpu(console):
    term = console()
    term.wait_for("Cameron White")
    term.wait_for("Details")
    for _ in range(10):
        term.pump(0.05)
    before = cpu_ticks(term.child.pid)
    end = time.monotonic() + 3
    while time.monotonic() < end:
        term.pump(0.2)
    used = cpu_ticks(term.child.pid) - before
    assert used <= 2, f"{used} ticks of CPU in 3 idle seconds"


def test_help_is_generated_from_the_key_table(console):
    term = console()
    term.wait_for("Cameron White")
    term.press("?")
    screen = term.wait_for("Help: keys")
    for text in ["search", "next pane", "quit", "move down", "page down"]:
        assert text in screen
    term.press("esc")
    term.wait_for(lambda s: "Help: keys" not in s)


def test_command_line_quits(console):
    term = console()
    term.wait_for("Cameron White")
    term.type(":q")
    term.press("enter")
    status, _ = term.wait_exit()
    assert status == 0
    assert restored(term)
