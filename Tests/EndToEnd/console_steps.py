"""Steps several console scenarios share."""


def skip_ticket(term):
    """The first change of a console session asks for a ticket reference: give none."""
    term.wait_for("Ticket reference (optional")
    term.press("enter")
    term.wait_for(lambda s: "Ticket reference (optional" not in s)
