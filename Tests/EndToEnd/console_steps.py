"""Steps several console scenarios share."""


def skip_ticket(term):
    """The first change of a console session asks for a ticket reference: give none."""
    term.wait_for("Ticket reference (optional")
    term.press("enter")
    term.wait_for(lambda s: "Ticket reference (optional" not in s)


def open_user(term, query, name, loaded="password set"):
    """Searches `query` in the user list, opens its one result `name`, waits for its methods
    (`loaded` on screen) and moves into the methods pane, whose keys the hint line then shows."""
    term.press("/")
    term.type(query)
    term.wait_for(lambda s: "1 user" in s and name in s)
    term.press("enter")
    term.wait_for(lambda s: f"Methods · {name}" in s and loaded in s)
    term.press("enter")
    term.wait_for(lambda s: s.splitlines()[-1].startswith(" esc back"))
