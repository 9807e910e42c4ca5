"""Tenants in one console session, and a console that survives what SSH terminals do: the real
binary in a pty on the embedded sandbox (or a served one), the screen read through pyte."""
import os
import re
import subprocess
import tempfile

import pexpect

from cli import served, tenant
from terminal import BINARY


def banner(screen):
    return screen.splitlines()[0]


def hints(screen):
    return screen.splitlines()[-1]


def command(term, text):
    term.type(":" + text)
    term.press("enter")


def test_tenant_command_switches_to_fabrikam_in_its_colour(console):
    term = console()
    term.wait_for("Cameron White")
    assert banner(term.text()).startswith(" contoso · Microsoft Entra ID")
    command(term, "tenant fabrikam")
    screen = term.wait_for(lambda s: banner(s).startswith(" fabrikam · Microsoft Entra ID · fabrikam.com")
                           and "users" in s.splitlines()[1])
    assert "Cameron White" not in screen
    # The banner is in fabrikam's colour, not contoso's.
    assert term.screen.buffer[0][1].bg == "magenta"
    term.press("/")
    term.type("olga.smirnova")
    screen = term.wait_for(lambda s: "1 user" in s and "olga.smirnova@fa" in s and "Methods · Ольга Смирнова" in s)
    # Her e-mail method's address, cut to the room beside the widest title (she has an external method).
    email_row = next(line for line in screen.splitlines() if "│  Email" in line)
    assert "olga.smirnova" in email_row.split("Email", 1)[1]


def test_the_picker_switches_to_the_auth0_tenant(console):
    term = console(cols=120, rows=30)
    term.wait_for("Cameron White")
    term.press("T")
    screen = term.wait_for("Switch tenant")
    rows = {name: next(line for line in screen.splitlines() if f" {name} " in line and "│" in line)
            for name in ("contoso", "fabrikam", "acme")}
    assert "current" in rows["contoso"]
    assert "Microsoft Entra ID" in rows["fabrikam"] and "not signed in" in rows["fabrikam"]
    assert "Auth0" in rows["acme"]
    term.press("j", "j", "enter")
    screen = term.wait_for(lambda s: banner(s).startswith(" acme · Auth0") and "users" in s.splitlines()[1])
    assert "Switch tenant" not in screen
    term.press("/")
    term.type("marta")
    term.wait_for(lambda s: "marta.nowak@example.com" in s and "1 user" in s)
    # Back through the picker: acme is now signed in.
    term.press("esc", "T")
    screen = term.wait_for("Switch tenant")
    assert "signed in" in next(line for line in screen.splitlines() if " contoso " in line and "│" in line)


def test_an_unknown_tenant_lists_the_valid_names(console):
    term = console()
    term.wait_for("Cameron White")
    command(term, "tenant nope")
    screen = term.wait_for("Unknown tenant 'nope'")
    assert "tenants: contoso, fabrikam, acme" in screen
    assert banner(screen).startswith(" contoso ·")
    assert "Cameron White" in screen


def test_a_read_only_profile_has_no_destructive_key_while_the_other_does(console):
    with served("--users", "5") as sandbox:
        contoso, fabrikam = tenant(sandbox, "contoso"), tenant(sandbox, "fabrikam")
        home = tempfile.mkdtemp(prefix="authdesk-e2e-")
        os.makedirs(os.path.join(home, "config", "authdesk"))
        with open(os.path.join(home, "config", "authdesk", "config.toml"), "w") as config:
            config.write(f'''
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
read_only = true
''')
        term = console(home=home, env={"CONTOSO_SECRET": contoso["clientSecret"],
                                       "FABRIKAM_SECRET": fabrikam["clientSecret"]})
        term.wait_for("Cameron White")
        term.press("enter")
        screen = term.wait_for(lambda s: "Details · " in s and "delete" in hints(s))
        assert "READ-ONLY" not in banner(screen)
        assert "add phone" in hints(screen)

        term.press("esc")
        command(term, "tenant fabrikam")
        screen = term.wait_for(lambda s: banner(s).startswith(" fabrikam ·") and "users" in s.splitlines()[1])
        assert "READ-ONLY" in banner(screen)
        term.press("enter")
        screen = term.wait_for(lambda s: "Details · " in s and "esc back" in hints(s))
        for destructive in ("add phone", "delete", "TAP", "password"):
            assert destructive not in hints(screen)
        term.press("?")
        screen = term.wait_for("Help: keys (read-only")
        for destructive in ("add a phone", "delete the selected method", "reset the password"):
            assert destructive not in screen


def run_console(env):
    """The console started without a terminal in sight of the check: what it says and its status."""
    return subprocess.run([str(BINARY)], env=env, capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL)


def base_env(**extra):
    home = tempfile.mkdtemp(prefix="authdesk-e2e-")
    env = {"PATH": os.environ.get("PATH", ""), "HOME": home, "LANG": "C.UTF-8",
           "XDG_CONFIG_HOME": os.path.join(home, "config"), "XDG_STATE_HOME": os.path.join(home, "state")}
    env.update(extra)
    return env


def test_a_dumb_terminal_is_refused_with_what_to_do():
    result = run_console(base_env(TERM="dumb"))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "TERM=dumb" in result.stderr
    assert "cursor addressing" in result.stderr
    assert "TERM=xterm-256color" in result.stderr and "vt100" in result.stderr
    assert "command-line commands" in result.stderr and "work on any terminal" in result.stderr


def test_an_unset_term_is_refused_too():
    result = run_console(base_env())
    assert result.returncode == 2
    assert result.stdout == ""
    assert "TERM is not set" in result.stderr


def test_a_dumb_terminal_in_a_pty_is_left_untouched():
    child = pexpect.spawn(str(BINARY), [], env=base_env(TERM="dumb"), dimensions=(24, 80), timeout=20)
    child.expect(pexpect.EOF)
    output = child.before
    child.close()
    assert child.exitstatus == 2
    assert b"\x1b" not in output
    assert b"cursor addressing" in output


def test_vt100_works_without_colours(console):
    term = console(env={"TERM": "vt100"})
    screen = term.wait_for("Cameron White")
    assert banner(screen).startswith(" contoso")
    colours = re.compile(rb"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9])(?:;[0-9;]*)?m")
    assert not colours.search(bytes(term.raw))
    term.press("q")
    status, sig = term.wait_exit()
    assert (status, sig) == (0, None)


def test_terminal_noise_is_never_typed(console):
    term = console()
    term.wait_for("Cameron White")
    term.press("/")
    term.type("Cam")
    term.wait_for("/ Cam")
    # A device-attributes answer, focus out and in, bracketed-paste markers, an unknown sequence.
    for noise in ("\x1b[?62;c", "\x1b[O", "\x1b[I", "\x1b[200~", "\x1b[201~", "\x1b[?1;2c", "\x1bOz", "\x1b]11;rgb:0/0/0\x07"):
        term.type(noise)
    term.type("eron")
    screen = term.wait_for(lambda s: "1 user" in s and "Cameron White" in s)
    assert screen.splitlines()[1].startswith(" / Cameron ")
    # Outside a field, noise is no key either: no help, no quit, no command line.
    term.press("enter")
    term.type("\x1b[?62;c")
    term.type("\x1b[I")
    command(term, "tenant nope")
    screen = term.wait_for("Unknown tenant 'nope'")
    assert "Help: keys" not in screen
    assert "Cameron White" in screen
    assert term.child.isalive()
