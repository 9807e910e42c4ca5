"""The action dialogs as an operator uses them: the real binary in a pty on the embedded
sandbox, the screen read through pyte."""
import base64
import re

from console_steps import open_user, skip_ticket

DESTRUCTIVE = ["add a phone", "delete the selected method", "SMS sign-in", "e-mail method",
               "Temporary Access Pass", "revoke sessions", "reset the password", "change the selected phone"]
DESTRUCTIVE_HINTS = ["a add phone", "d delete", "t TAP", "p password"]


def open_cameron(term):
    term.wait_for("Cameron White")
    open_user(term, "Cameron", "Cameron White")


def select_method(term, title):
    """Moves the methods pane's selection to the method titled `title`."""
    for _ in range(10):
        if f"Details · {title}" in term.text():
            return
        term.press("j")
        term.wait_for(lambda s: "Details ·" in s)
    term.wait_for(f"Details · {title}")


def test_add_a_phone_to_cameron_then_delete_it(console):
    term = console()
    open_cameron(term)
    term.press("a")
    skip_ticket(term)
    screen = term.wait_for("Add a phone for Cameron White (CameronW@contoso.com)")
    assert "< Mobile phone >" in screen
    assert "[ Add ]  [ Cancel ]" in screen
    term.press("tab")
    term.type("+1 4255550199")
    term.wait_for("Number    +1 4255550199")
    term.press("enter")
    screen = term.wait_for(lambda s: "Add a phone: done for Cameron White" in s and "+1 4255550199" in s)
    assert "Mobile phone" in screen
    assert "[ Add ]" not in screen

    select_method(term, "Mobile phone")
    term.press("d")
    screen = term.wait_for("Delete a method")
    assert "Delete the method Mobile phone (+1 4255550199) of Cameron White" in screen
    line = next(l for l in screen.splitlines() if "[ Cancel ]" in l)
    assert line.index("[ Cancel ]") < line.index("[ Delete ]")
    term.press("tab", "enter")
    screen = term.wait_for(lambda s: "Delete a method: done for Cameron White" in s)
    term.wait_for(lambda s: "+1 4255550199" not in s and "password set" in s)


def test_an_invalid_number_is_explained_and_not_sent(console):
    term = console()
    open_cameron(term)
    term.press("a")
    skip_ticket(term)
    term.wait_for("Add a phone for Cameron White")
    term.press("tab")
    term.type("+1 206-555")
    screen = term.wait_for("must be 4 to 15 digits")
    assert "the number '206-555'" in screen
    term.press("enter")
    screen = term.wait_for(lambda s: "must be 4 to 15 digits" in s and "Add a phone for" in s)
    term.press("esc")
    screen = term.wait_for(lambda s: "Add a phone for" not in s)
    assert "Mobile phone" not in screen


def test_a_pass_is_masked_copied_with_osc52_and_gone_on_close(console):
    term = console()
    open_cameron(term)
    term.press("t")
    skip_ticket(term)
    term.wait_for("Issue a Temporary Access Pass")
    term.press("tab", "enter")
    screen = term.wait_for("r reveals, c copies")
    assert re.search(r"Pass\s+•{8,}", screen)
    term.press("r")
    screen = term.wait_for("r hides")
    shown = re.search(r"Pass\s+(\S+)\s+r hides", screen).group(1)
    term.press("c")
    term.wait_for("Copied to your clipboard")
    expected = b"\x1b]52;c;" + base64.b64encode(shown.encode()) + b"\x07"
    assert expected in bytes(term.raw)
    term.press("esc")
    screen = term.wait_for(lambda s: "Issue a Temporary Access Pass" not in s and "Temporary Access Pass" in s)
    assert shown not in screen


def test_reset_a_password_and_watch_it_succeed(console):
    term = console()
    open_cameron(term)
    term.press("p")
    skip_ticket(term)
    screen = term.wait_for("Reset the password of Cameron White (CameronW@contoso.com)")
    line = next(l for l in screen.splitlines() if "[ Cancel ]" in l)
    assert line.index("[ Cancel ]") < line.index("[ Reset ]")
    term.press("tab", "enter")
    term.wait_for("New password")
    screen = term.wait_for(lambda s: "Status" in s and "Elapsed" in s, timeout=20)
    screen = term.wait_for("succeeded (ResetSuccess)", timeout=30)
    assert "Password reset of Cameron White: succeeded" in screen
    term.press("esc")
    term.wait_for(lambda s: "New password" not in s)


def test_read_only_offers_no_destructive_key(console):
    term = console("--read-only")
    open_cameron(term)
    screen = term.text()
    hints = screen.splitlines()[-1]
    assert "READ-ONLY" in screen
    for hint in DESTRUCTIVE_HINTS:
        assert hint not in hints
    term.press("a")
    term.press("p")
    screen = term.wait_for("READ-ONLY")
    assert "Add a phone for" not in screen and "Reset the password" not in screen
    term.press("?")
    screen = term.wait_for("Help: keys")
    pages = [screen]
    for _ in range(8):
        term.press("pgdn")
        pages.append(term.wait_for("Help: keys"))
    help_text = "\n".join(pages)
    assert "Methods pane" in help_text and "Commands" in help_text
    for description in DESTRUCTIVE:
        assert description not in help_text


def test_writable_console_offers_the_dialog_keys(console):
    term = console()
    open_cameron(term)
    hints = term.text().splitlines()[-1]
    for hint in DESTRUCTIVE_HINTS:
        assert hint in hints


def test_leave_a_running_reset_and_the_banner_follows_it(console):
    term = console()
    open_cameron(term)
    term.press("p")
    skip_ticket(term)
    term.wait_for("Reset the password of Cameron White")
    term.press("tab", "enter")
    term.wait_for("following it:")
    term.press("esc")
    screen = term.wait_for(lambda s: "Reset the password of" not in s)
    assert "New password" not in screen
    if "succeeded" not in screen:
        assert "reset Cameron White:" in screen.splitlines()[0]
    screen = term.wait_for("Password reset of Cameron White: succeeded (ResetSuccess)", timeout=30)
    assert "reset Cameron White:" not in screen.splitlines()[0]
    # The console keeps working meanwhile and after.
    term.press("j")
    term.wait_for("Details · Password")
