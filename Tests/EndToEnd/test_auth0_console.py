"""Auth0's own actions in the console (issue 16), driven through the pty harness on the embedded
sandbox's Auth0 tenant `acme`: each dialog opens from its key, sends its change, and the methods
pane reads the user's methods again; a generated TOTP URI and an enrollment link are shown once.
Also the keys gone in read-only mode (Graph's temporary QR code, `v`, is in test_account.py)."""
import re

from console_steps import open_user, skip_ticket
from qr_screen import decode, modules_on

NOA = "Noa Mfa"


def open_noa(console, *args, rows=30, cols=110):
    term = console("--profile", "acme", *args, rows=rows, cols=cols)
    term.wait_for("Marta Nowak")
    open_user(term, "no.mfa", NOA, loaded="Methods · Noa Mfa")
    return term


def enrol_app(term):
    """`o` on the open user: the dialog, Enrol, and its result (the URI still masked)."""
    term.press("o")
    skip_ticket(term)
    screen = term.wait_for("Enrol an authenticator app")
    assert "otpauth URI" in screen
    term.press("enter")
    return term.wait_for(lambda s: "otpauth URI" in s and "enrolled" in s)


def test_an_authenticator_app_is_enrolled_and_its_uri_shown_once_with_a_qr_code(console):
    term = open_noa(console, rows=50, cols=110)
    screen = enrol_app(term)
    assert "otpauth://" not in screen and "▀" not in screen, "masked until r"
    term.press("r")
    screen = term.wait_for(lambda s: "otpauth://totp/" in s and "▀" in s)
    uri = decode(modules_on(term.screen))
    assert re.fullmatch(r"otpauth://totp/127\.0\.0\.1%3A\d+:no\.mfa@example\.com\?secret=[A-Z2-7]{32}&issuer=.*digits=6.*", uri)
    shown = next(line for line in screen.splitlines() if "otpauth://" in line)
    assert shown[shown.index("otpauth://"):].split()[0].rstrip("…") in uri, "the URI line and the QR code say the same"
    secret = re.search(r"secret=([A-Z2-7]+)", uri).group(1)
    term.press("esc")
    screen = term.wait_for(lambda s: "Enrol an authenticator app" not in s and "TOTP" in s.upper())
    assert "otpauth://" not in screen and secret not in screen and "▀" not in screen


def test_a_small_terminal_says_how_large_the_qr_code_needs_it(console):
    term = open_noa(console, rows=30, cols=110)
    enrol_app(term)
    term.press("r")
    screen = term.wait_for("The QR code needs")
    assert "▀" not in screen and "enlarge the terminal" in screen


def test_a_ticket_a_security_key_forgetting_browsers_and_deleting_all(console):
    term = open_noa(console)
    term.press("E")
    skip_ticket(term)
    screen = term.wait_for("Enrollment ticket")
    assert "Factor" in screen and "any" in screen
    term.press("enter")
    term.wait_for(lambda s: "Link" in s and "whoever holds the link" in s)
    term.press("r")
    term.wait_for("ticket=")
    term.press("esc")

    term.press("K")
    term.wait_for("Enrol a security key")
    term.type("a2V5LWlk")
    term.press("tab")
    term.type("cHVibGljLWtleQ")
    term.press("tab")
    term.type("not a host")
    term.press("enter")
    term.wait_for("host name")
    term.child.send("\x15")  # ctrl-u: clear the field
    term.type("example.com")
    term.press("enter")
    term.wait_for(lambda s: "Enrol a security key: done for Noa Mfa" in s and "Security key" in s)

    term.press("F")
    screen = term.wait_for("Forget remembered browsers")
    assert "sessions stay" in screen
    term.press("tab")
    term.press("enter")
    term.wait_for("Forget remembered browsers: done for Noa Mfa")

    term.press("D")
    term.wait_for("Delete every authentication method")
    term.press("tab")
    term.press("enter")
    term.wait_for(lambda s: "Delete all methods: done for Noa Mfa" in s and "Security key" not in s)


def test_help_lists_the_auth0_keys_and_read_only_removes_them(console):
    term = open_noa(console, rows=50, cols=200)
    term.press("?")
    screen = term.wait_for("enrol an authenticator app")
    assert "delete all methods" in screen and "forget remembered browsers" in screen
    assert "temporary QR code" not in screen, "Graph's key is hidden for Auth0"
    read_only = open_noa(console, "--read-only", rows=50, cols=200)
    read_only.press("?")
    screen = read_only.wait_for("Help: keys")
    assert "enrol an authenticator app" not in screen and "delete all methods" not in screen


def test_replace_all_by_one_phone_rename_it_and_delete_every_enrollment(console):
    term = open_noa(console)
    term.press("A")
    skip_ticket(term)
    screen = term.wait_for("Replace all methods")
    assert "New method" in screen and "phone (sms)" in screen
    term.press("up")
    term.type("0415")
    term.press("enter")
    term.wait_for("E.164")
    term.child.send("\x15")  # ctrl-u: clear the field
    term.type("+14155550123")
    term.press("enter")
    term.wait_for(lambda s: "Replace all methods: done for Noa Mfa" in s and "+14155550123" in s)

    for _ in range(6):
        term.press("N")
        screen = term.wait_for(lambda s: "Rename a method" in s or "Select an Auth0 method" in s)
        if "Rename a method" in screen:
            break
        term.press("j")
        term.pump(0.2)
    screen = term.wait_for("or change how it receives codes")
    assert "Channel" in screen
    term.press("up", "up")
    term.type("Desk")
    term.press("down")
    term.press(" ")
    term.press("enter")
    term.wait_for("Rename a method: done for Noa Mfa")

    term.press("X")
    term.wait_for("Delete every MFA enrollment")
    term.press("tab")
    term.press("enter")
    term.wait_for(lambda s: "Delete all MFA enrollments: done for Noa Mfa" in s and "+14155550123" not in s)
