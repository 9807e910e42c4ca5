"""The bulk "reset all MFA" from the console: mark users, review the plan, type the phrase,
watch the run, and see the result in the methods pane (the embedded sandbox lives inside the
console process, so the check is made there)."""


def find(lines, fragment, start=0):
    for index in range(start, len(lines)):
        if fragment in lines[index]:
            return index
    raise AssertionError(f"{fragment!r} not on the screen:\n" + "\n".join(lines))


def select(term, query):
    """Searches `query`, waits for its one result and leaves the search line on it."""
    term.press("/")
    term.child.send("\x15")  # ctrl-u: clear the search
    term.type(query)
    term.wait_for(lambda s: "1 user" in s and f"/ {query}" in s)
    term.press("enter")


def test_mark_two_users_reset_their_mfa_and_see_it_done(console):
    term = console(rows=40, cols=120)
    term.wait_for("Cameron White")
    select(term, "Cameron White")
    term.type(" ")
    term.wait_for("marked: contoso 1")
    select(term, "avery.howard")
    term.type(" ")
    screen = term.wait_for("marked: contoso 2")
    # Both marks survive the searches: Avery's row shows the mark glyph.
    assert "✓Avery Howard" in screen

    term.type("R")
    screen = term.wait_for("choose the policy")
    assert "Reset all MFA of 2 users: contoso 2" in screen
    assert "(•) portal" in screen
    term.press("enter")
    screen = term.wait_for("plan (dry run)")
    lines = screen.split("\n")
    avery = find(lines, "contoso  Avery Howard")
    office = find(lines, "Delete Office phone", avery)
    mobile = find(lines, "Delete Mobile phone", avery)
    assert office < mobile
    assert "(default method, last)" in lines[mobile]
    assert "kept: Password: passwords are never deleted" in screen
    assert "2 users · 2 delete · 0 deactivate" in screen

    term.press("enter")
    term.wait_for("Type RESET 2 to run:")
    term.type("RESET 3")
    term.press("enter")
    screen = term.wait_for("is not RESET 2: nothing was sent")
    assert "running" not in screen.split("\n")[0]
    term.type("RESET 2")
    term.press("enter")
    screen = term.wait_for(lambda s: "summary" in s.split("\n")[0] and "2 done" in s, timeout=30)
    assert "done       contoso  Avery Howard  (2 steps)" in screen
    assert "done       contoso  Cameron White  (0 steps)" in screen

    term.press("esc")
    screen = term.wait_for(lambda s: "Methods · Avery Howard" in s and "Password" in s and "Loading" not in s)
    assert "marked:" not in screen.split("\n")[0]
    assert "Office phone" not in screen
    assert "Mobile phone" not in screen

    term.type(":jobs")
    term.press("enter")
    screen = term.wait_for("Jobs in the journal")
    assert "finished" in screen


def test_reset_is_absent_under_read_only(console):
    term = console("--read-only", rows=40, cols=120)
    term.wait_for("Cameron White")
    term.type(" ")
    term.wait_for("marked: contoso 1")
    term.type("R")
    term.press("?")
    screen = term.wait_for("mark or unmark the user")
    assert "reset all MFA of the marked users" not in screen
    assert "choose the policy" not in screen
