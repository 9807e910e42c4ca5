"""Fixtures for the official-SDK tests: a served sandbox behind a recording proxy, the schema
referee that checks every answer of each test, and SDK clients pointed at the sandbox."""

import asyncio
import json
import os
import pathlib
import subprocess
import sys
import tempfile

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).parent))

from sdk_graph import contoso, graph_client, identity_options  # noqa: E402
from sdk_proxy import RecordingProxy  # noqa: E402
from sdk_referee import Referee  # noqa: E402
from sdk_tls import self_signed_certificate  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
# AUTHDESK_BINARY: a copy of the binary to test (with its resource bundle beside it), so that a
# build can go on while a long run of the suite uses the copy.
BINARY = pathlib.Path(os.environ.get("AUTHDESK_BINARY", ROOT / ".build" / "debug" / "authdesk"))


def pytest_configure(config):
    # The Graph SDK's generated code warns about its own deprecated classes when imported.
    for module in ("msgraph", "kiota_abstractions"):
        config.addinivalue_line("filterwarnings", f"ignore::DeprecationWarning:{module}.*")


@pytest.fixture(scope="session")
def served():
    """`authdesk sandbox serve` and a recording proxy in front of it, over http and https.
    Yields (info, proxy): the sandbox's first line with every address pointing at the proxy's
    http listener, plus `tlsAuthority` (its https listener) and `tlsCertificate` (the file the
    clients of that listener must trust)."""
    if not BINARY.exists():
        pytest.fail(f"{BINARY} is missing: run `swift build` first")
    errors = tempfile.TemporaryFile(mode="w+")
    process = subprocess.Popen([str(BINARY), "sandbox", "serve", "--users", "20", "--seed", "7"],
                               stdout=subprocess.PIPE, stderr=errors, text=True)
    try:
        line = process.stdout.readline()
        if not line:
            errors.seek(0)
            pytest.fail(f"the sandbox printed nothing: {errors.read()[-2000:]}")
        info = json.loads(line)
        upstream = int(info["authority"].rsplit(":", 1)[1])
        certificate = self_signed_certificate()
        proxy = RecordingProxy(upstream, certificate).start()
        info = json.loads(line.replace(f"127.0.0.1:{upstream}", f"127.0.0.1:{proxy.port}"))
        info["tlsAuthority"] = f"https://127.0.0.1:{proxy.tls_port}"
        info["tlsCertificate"] = certificate[0]
        yield info, proxy
        proxy.stop()
    finally:
        process.terminate()
        process.wait(timeout=10)
        errors.close()


@pytest.fixture(scope="session")
def sandbox(served):
    return served[0]


@pytest.fixture(scope="session")
def referee():
    return Referee()


@pytest.fixture(autouse=True)
def schema_conformance(request, referee):
    """Every answer the sandbox gave during the test must match ../shared/specs."""
    if "served" not in request.fixturenames:
        yield
        return
    proxy = request.getfixturevalue("served")[1]
    mark = proxy.mark()
    yield
    problems = []
    for exchange in proxy.since(mark):
        found = referee.check(exchange)
        problems += found[:8] + ([f"... and {len(found) - 8} more in this answer"] if len(found) > 8 else [])
    if problems:
        pytest.fail("answers that do not match ../shared/specs:\n  " + "\n  ".join(problems), pytrace=False)


@pytest.fixture(scope="session")
def loop():
    """One event loop for the whole run: the Graph SDK's httpx client is bound to it."""
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


@pytest.fixture(scope="session")
def run(loop):
    return loop.run_until_complete


@pytest.fixture(scope="session")
def app_credential(sandbox):
    """azure-identity's ClientSecretCredential: the application acts as itself."""
    from azure.identity import ClientSecretCredential

    tenant = contoso(sandbox)
    return ClientSecretCredential(tenant["id"], tenant["clientId"], tenant["clientSecret"], **identity_options(sandbox))


@pytest.fixture(scope="session")
def operator_credential(sandbox):
    """azure-identity's DeviceCodeCredential: the tenant's operator signs in with the device-code
    flow (the sandbox approves it by itself); `prompts` keeps what the user was shown."""
    from azure.identity import DeviceCodeCredential

    tenant = contoso(sandbox)
    prompts = []
    credential = DeviceCodeCredential(client_id=tenant["clientId"], tenant_id=tenant["id"], timeout=30,
                                      prompt_callback=lambda uri, code, expires: prompts.append((uri, code)),
                                      **identity_options(sandbox))
    credential.prompts = prompts
    return credential


@pytest.fixture(scope="session")
def graph(sandbox, app_credential):
    """The Graph SDK as the application (client credentials)."""
    return graph_client(app_credential, sandbox["graph"])


@pytest.fixture(scope="session")
def operator_graph(sandbox, operator_credential):
    """The Graph SDK as the tenant's operator, signed in with the device-code flow."""
    return graph_client(operator_credential, sandbox["graph"])

