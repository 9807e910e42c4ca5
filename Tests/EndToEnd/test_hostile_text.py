"""Hostile text from the services (`sandbox serve --hostile-users`): names, device names and
phone numbers carrying OSC 52 (write the clipboard), CSI 2 J (clear the screen), a bidirectional
override and a spreadsheet formula. Tables, CSV and the console show them visibly escaped; CSV
never starts a cell with a formula; JSON keeps the exact value."""
import csv
import io
import json
import subprocess

from cli import cli_env, graph_env, graph_profile, served_fixture, tenant
from terminal import BINARY, Terminal

MALLORY = "Mallory\x1b]52;c;aGFja2Vk\x07\x1b[2J"
FORMULA = '=HYPERLINK("http://x","y")'
EVE = "Eve \u202eredlof\u202c Bidi"
# Nothing a terminal would act on: C0 (but the line ends of a table or CSV), DEL, C1, bidi controls.
UNSAFE = {chr(c) for c in range(0x20) if chr(c) not in "\n\r"} | {chr(c) for c in range(0x7F, 0xA0)} \
    | set("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


sandbox = served_fixture("--users", "5", "--hostile-users")


def auth0(sandbox, *args):
    a = sandbox["auth0"]
    env = {"AUTH0_DOMAIN": a["domain"], "AUTH0_CLIENT_ID": a["clientId"], "AUTH0_CLIENT_SECRET": a["clientSecret"]}
    result = subprocess.run([str(BINARY), *args], env=cli_env(env), capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def graph(sandbox, *args):
    result = subprocess.run([str(BINARY), *args], env=cli_env(graph_env(sandbox)), capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def safe(text):
    return not (set(text) & UNSAFE)


def test_auth0_names_and_methods_are_escaped_in_tables_and_csv(sandbox):
    table = auth0(sandbox, "users", "search", "mallory")
    assert safe(table)
    assert "Mallory\\e]52;c;aGFja2Vk\\u{7}\\e[2J" in table
    rows = list(csv.DictReader(io.StringIO(auth0(sandbox, "users", "search", "mallory", "--output", "csv"))))
    assert rows[0]["displayName"] == "Mallory\\e]52;c;aGFja2Vk\\u{7}\\e[2J"
    assert json.loads(auth0(sandbox, "users", "search", "mallory", "--output", "json"))[0]["displayName"] == MALLORY

    methods = auth0(sandbox, "methods", "list", "mallory@example.com")
    assert safe(methods)
    assert "Key\\e[31mRED" in methods and "+1555\\e[2J0100" in methods
    exact = json.loads(auth0(sandbox, "methods", "list", "mallory@example.com", "--output", "json"))
    assert any(m["summary"] and "\x1b[2J" in m["summary"] for m in exact)


def test_a_formula_name_is_no_formula_in_csv(sandbox):
    for run, query in [(auth0, "formula"), (graph, "formula")]:
        text = run(sandbox, "users", "search", query, "--output", "csv")
        rows = list(csv.DictReader(io.StringIO(text)))
        assert [r["displayName"] for r in rows] == ["'" + FORMULA], text
        assert json.loads(run(sandbox, "users", "search", query, "--output", "json"))[0]["displayName"] == FORMULA
        # A phone number starts with + too: a cell that a spreadsheet reads as text.
    phones = list(csv.DictReader(io.StringIO(graph(sandbox, "methods", "list", "avery.howard@contoso.com",
                                                   "--output", "csv"))))
    assert all(not row["summary"].startswith(("=", "+", "-", "@")) for row in phones)
    assert any(row["summary"] == "'+1 2065550123" for row in phones)


def test_graph_bidi_names_device_names_and_phones_are_escaped(sandbox):
    table = graph(sandbox, "users", "search", "Eve")
    assert safe(table) and "Eve \\u{202E}redlof\\u{202C} Bidi" in table
    assert json.loads(graph(sandbox, "users", "search", "Eve", "--output", "json"))[0]["displayName"] == EVE
    methods = graph(sandbox, "methods", "list", "eve.bidi@contoso.com")
    assert safe(methods)
    for shown in ["Key\\e[2J\\u{7}", "Phone\\e]52;c;aGFja2Vk\\u{7}", "+1 2065550\\e[8m177"]:
        assert shown in methods, methods
    csv_text = graph(sandbox, "methods", "list", "eve.bidi@contoso.com", "--output", "csv")
    assert safe(csv_text.replace("\r\n", "")) and "\\e]52" in csv_text


def test_the_console_shows_hostile_text_escaped(sandbox, tmp_path):
    config = tmp_path / "config" / "authdesk"
    config.mkdir(parents=True)
    (config / "config.toml").write_text(graph_profile(sandbox, "contoso", "client-secret", secret_env="CONTOSO_SECRET"))
    term = Terminal(home=str(tmp_path), rows=30, cols=120, env={"CONTOSO_SECRET": tenant(sandbox, "contoso")["clientSecret"]})
    try:
        term.wait_for("Cameron White")
        term.press("/")
        term.type("eve.bidi")
        screen = term.wait_for(lambda s: "1 user" in s and "Bidi" in s)
        assert "Eve \\u{202E}redlof\\u{202C} Bidi" in screen
        term.press("enter")
        screen = term.wait_for(lambda s: "Key\\e[2J" in s)
        assert "Phone\\e]52" in screen
        assert not (b"\x1b]52" in bytes(term.raw) or b"\x1b[2J\x07" in bytes(term.raw))
    finally:
        term.close()
