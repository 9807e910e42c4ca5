"""The audit journal after a scripted command-line session: each change command writes exactly
one entry (a followed password reset two) with the operator, tenant, user, action, target,
outcome, the service's request id and the ticket; `authdesk journal` filters them."""
import csv
import io
import json

import pytest

from cli import operator_config, served_fixture, state_runner

CAMERON = "CameronW@contoso.com"
EMAIL_ID = "3ddfcfc8-9383-446f-83cc-3ab9be4be18f"


sandbox = served_fixture("--users", "0", "--device-code-delay-ms", "200")


@pytest.fixture(scope="module")
def authdesk(sandbox, tmp_path_factory):
    """Runs authdesk signed in as contoso's operator (device code), all runs sharing one state
    directory."""
    folder = tmp_path_factory.mktemp("audit")
    return state_runner(operator_config(sandbox, folder / "config.toml"), folder / "state")


def journal(authdesk, *filters):
    result = authdesk("journal", "--output", "json", *filters)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def one_more_entry(authdesk, before, *command, entries=1):
    result = authdesk(*command)
    assert result.returncode == 0, result.stderr
    after = journal(authdesk)
    assert after[:len(before)] == before, "the journal is append-only"
    new = after[len(before):]
    assert len(new) == entries, (command, new)
    return after, new


def test_each_command_writes_one_entry_with_its_fields_and_request_id(authdesk):
    entries = journal(authdesk)
    assert entries == []
    script = [
        (["methods", "add-phone", CAMERON, "--type", "mobile", "--number", "+1 2065555555", "--ticket", "INC-1"],
         "add phone", "Mobile phone +1 2065555555", "succeeded"),
        (["methods", "update-phone", CAMERON, "--type", "mobile", "--number", "+1 2065550000", "--ticket", "INC-1"],
         "update phone", "Mobile phone +1 2065550000", "succeeded"),
        (["methods", "sms-sign-in", CAMERON, "--enable", "--ticket", "INC-1"],
         "enable SMS sign-in", "Mobile phone", "succeeded"),
        (["methods", "add-email", CAMERON, "cameron.home@example.org", "--ticket", "INC-2"],
         "add e-mail", "cameron.home@example.org", "succeeded"),
        (["methods", "update-email", CAMERON, "cameron.other@example.org", "--ticket", "INC-2"],
         "update e-mail", "cameron.other@example.org", "succeeded"),
        (["methods", "delete", CAMERON, EMAIL_ID, "--ticket", "INC-2"],
         "delete method", f"E-mail cameron.other@example.org ({EMAIL_ID})", "succeeded"),
        (["tap", "create", CAMERON, "--lifetime-minutes", "60", "--ticket", "INC-3"],
         "create TAP", "lifetime 60 min", "succeeded"),
        (["sessions", "revoke", CAMERON, "--ticket", "INC-3"], "revoke sessions", None, "succeeded"),
        # A second mobile phone: the service refuses it, and the refusal is journalled.
        (["methods", "add-phone", CAMERON, "--type", "mobile", "--number", "+1 2065551111", "--ticket", "INC-4"],
         "add phone", "Mobile phone +1 2065551111", "refused"),
    ]
    for command, action, target, outcome in script:
        entries, (entry,) = one_more_entry_any(authdesk, entries, command, outcome)
        assert entry["action"] == action, entry
        if action == "delete method":
            assert entry["target"].endswith(f"({EMAIL_ID})"), entry
        else:
            assert entry["target"] == target, entry
        assert entry["outcome"] == outcome, entry
        assert entry["operator"] == "helpdesk@contoso.com"
        assert entry["tenant"] == "contoso"
        assert entry["userName"] == f"Cameron White ({CAMERON})"
        assert entry["user"] and entry["user"] != CAMERON, "the object id"
        assert entry["requestId"], entry
        assert entry["ticket"] == command[-1]
        assert entry["job"] is None
    refused = entries[-1]
    assert refused["detail"].startswith("HTTP 4"), refused
    assert len({e["requestId"] for e in entries}) == len(entries)

    # A followed password reset: accepted, then finished with its final status.
    entries, new = one_more_entry(authdesk, entries, "password", "reset", CAMERON, "--generate", "--ticket", "INC-5",
                                  entries=2)
    assert [(e["action"], e["outcome"]) for e in new] == [("reset password", "accepted"),
                                                         ("password reset finished", "succeeded")]
    assert all(e["requestId"] and e["ticket"] == "INC-5" for e in new)
    # Not followed: accepted only.
    entries, new = one_more_entry(authdesk, entries, "password", "reset", CAMERON, "--no-wait")
    assert (new[0]["action"], new[0]["outcome"], new[0]["ticket"]) == ("reset password", "accepted", None)

    # Checked before sending: nothing is journalled.
    bad = authdesk("methods", "add-phone", CAMERON, "--type", "office", "--number", "206 555", "--ticket", "INC-6")
    assert bad.returncode == 2
    assert journal(authdesk) == entries
    bad_ticket = authdesk("sessions", "revoke", CAMERON, "--ticket", "x" * 201)
    assert bad_ticket.returncode == 2 and "--ticket" in bad_ticket.stderr

    # Filters.
    assert [e["action"] for e in journal(authdesk, "--ticket", "inc-3")] == ["create TAP", "revoke sessions"]
    assert len(journal(authdesk, "--tenant", "contoso")) == len(entries)
    assert journal(authdesk, "--tenant", "fabrikam") == []
    assert len(journal(authdesk, "--user", CAMERON)) == len(entries)
    assert [e["action"] for e in journal(authdesk, "--user", CAMERON.lower(), "--ticket", "INC-1")] == \
        ["add phone", "update phone", "enable SMS sign-in"]
    result = authdesk("journal", "--output", "csv", "--ticket", "INC-2")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["action"] for r in rows] == ["add e-mail", "update e-mail", "delete method"]
    assert all(r["requestId"] for r in rows)


def one_more_entry_any(authdesk, before, command, outcome):
    result = authdesk(*command)
    if outcome == "succeeded":
        assert result.returncode == 0, result.stderr
    else:
        assert result.returncode in (1, 2, 4), result.stderr
    after = journal(authdesk)
    assert after[:len(before)] == before, "the journal is append-only"
    new = after[len(before):]
    assert len(new) == 1, (command, new)
    return after, new
