"""Running the command line in tests: a pinned environment, `authdesk sandbox serve`, and the
variables that sign in to one of its tenants."""
import contextlib
import json
import os
import signal
import subprocess
import tempfile
import time
import urllib.request

import pytest

from terminal import BINARY


def cli_env(extra=None, prefix="authdesk-cli-"):
    """A fresh HOME with its config and state folders, UTF-8, UTC; `extra` on top."""
    home = tempfile.mkdtemp(prefix=prefix)
    env = {"PATH": os.environ.get("PATH", ""), "HOME": home, "LANG": "C.UTF-8", "TZ": "UTC",
           "XDG_CONFIG_HOME": os.path.join(home, "config"), "XDG_STATE_HOME": os.path.join(home, "state")}
    env.update(extra or {})
    return env


@contextlib.contextmanager
def served(*extra):
    """`authdesk sandbox serve` with `extra` options; yields its first line, parsed, and stops it
    with SIGTERM, which must end it with status 0."""
    process = subprocess.Popen([str(BINARY), "sandbox", "serve", *extra],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        yield json.loads(process.stdout.readline())
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0


def served_fixture(*extra):
    """A module's own sandbox as a pytest fixture: `authdesk sandbox serve` with `extra` options,
    served for the module's tests and stopped after them."""
    @pytest.fixture(scope="module")
    def sandbox():
        with served(*extra) as first:
            yield first
    return sandbox


def tenant(sandbox, name):
    """The first line's entry of the tenant `name`."""
    return next(t for t in sandbox["tenants"] if t["name"] == name)


def graph_env(sandbox, name="contoso", secret=None):
    """AZURE_* variables that sign in to the sandbox's tenant `name` as its application."""
    entry = tenant(sandbox, name)
    return {"AZURE_TENANT_ID": entry["id"], "AZURE_CLIENT_ID": entry["clientId"],
            "AZURE_CLIENT_SECRET": secret or entry["clientSecret"], "AZURE_AUTHORITY_HOST": sandbox["authority"],
            "AUTHDESK_GRAPH_URL": sandbox["graph"].rsplit("/", 1)[0]}


def graph_profile(sandbox, name, sign_in="device-code", tenant_name="contoso", secret_env=None):
    """A `[profiles.NAME]` table of the config file for the sandbox's tenant `tenant_name`:
    its operator with a device code, or its application (`client-secret`, the secret from
    the variable `secret_env`)."""
    entry = tenant(sandbox, tenant_name)
    secret = f'client_secret_env = "{secret_env}"\n' if secret_env else ""
    return (f'[profiles.{name}]\nprovider = "graph"\ntenant_id = "{entry["id"]}"\nclient_id = "{entry["clientId"]}"\n'
            f'sign_in = "{sign_in}"\n{secret}authority_url = "{sandbox["authority"]}"\n'
            f'graph_url = "{sandbox["authority"]}"\n')


def auth0_profile(sandbox, name, secret_env=None):
    """A `[profiles.NAME]` table for the sandbox's Auth0 tenant, the secret from `secret_env`
    (or, without it, written in the table)."""
    auth0 = sandbox["auth0"]
    secret = f'client_secret_env = "{secret_env}"' if secret_env else f'client_secret = "{auth0["clientSecret"]}"'
    return (f'[profiles.{name}]\nprovider = "auth0"\ndomain = "{auth0["domain"]}"\nclient_id = "{auth0["clientId"]}"\n'
            f'{secret}\n')


def operator_config(sandbox, path, extra=""):
    """Writes a config file at `path` whose only profile, contoso, signs in to the sandbox's
    contoso as its operator with a device code; `extra` lines go into the profile."""
    path.write_text('default_profile = "contoso"\n' + graph_profile(sandbox, "contoso") + extra + "\n")
    return path


def state_runner(config, state):
    """Runs authdesk with `config` and the state directory `state`; `state=` overrides it per run."""
    def run(*args, input=None, state_dir=None):
        return subprocess.run([str(BINARY), *args, "--config", str(config)],
                              env=cli_env({"AUTHDESK_STATE_DIR": str(state_dir or state)}), capture_output=True,
                              text=True, input=input, timeout=90)
    return run


def wait_for(condition, what, timeout=60):
    """Polls `condition` until it gives a true value (returned), failing the test after `timeout` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)  # a poll interval, not a wait for an outcome
    pytest.fail("timed out waiting for " + what)


def sandbox_requests(sandbox):
    """The sandbox's request counts (`/sandbox/requests`), with `sent`: the requests by HTTP
    method whether they went on their own or inside a `$batch` (a user's chained deletes)."""
    with urllib.request.urlopen(sandbox["authority"] + "/sandbox/requests", timeout=10) as answer:
        counts = json.load(answer)
    sent = dict(counts["byMethod"])
    for method, count in counts.get("innerByMethod", {}).items():
        sent[method] = sent.get(method, 0) + count
    counts["sent"] = sent
    return counts
