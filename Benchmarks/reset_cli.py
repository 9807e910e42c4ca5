#!/usr/bin/env python3
"""Bulk "reset all MFA" measured on the command operators run: the real `authdesk reset-mfa`
process against a real `authdesk sandbox serve --latency-ms`, beside the simplest script.

  compare:  the same users reset twice, each time on a fresh sandbox of the same seed (so the
            same methods): first by a sequential script over HTTP (sign in, then per user: list
            the methods, read the default method, delete the portal policy's methods one by one,
            the default last; next user), then by `authdesk reset-mfa --users-file F --yes`,
            timed from process start to exit. Prints both wall times and their ratio.
  planning: `authdesk reset-mfa --users-file F --dry-run` of --small users, then of --large
            users, on one sandbox (a dry run changes nothing; 10 s between runs, so that each
            starts with the read budget full); prints each (median of --runs) and t(large) / t(small).
  scale:    `reset-mfa` of --users users (5,000) from command start to the last result, beside
            the limit the sandbox's budgets allow (--write-budget writes per 150 s and
            --read-budget units per 10 s, passed to `sandbox serve`, and the write budget to authdesk
            as AUTHDESK_GRAPH_WRITE_BUDGET, or `graph_write_budget` in tenants' profiles, unless
            --unstated-budget): planning reads 8 units a
            user (the user 1, the method list 2, hardware tokens 2, the default 1, the
            pre-flight's user 1 and member-of 1), the run's writes (the plan's steps) and
            verifying reads 4 a user; each budget's (units - burst) / rate, the phases added.
  writes:   `reset-mfa` of the same --users users twice, each time on a fresh sandbox of the
            same seed: a user's steps chained in one `$batch` (AUTHDESK_RESET_WRITES=chained), then
            one request a step (AUTHDESK_RESET_WRITES=steps); prints both wall times and their
            ratio, the sandbox's `$batch` requests carrying writes and its single writes.
  tenants:  one `reset-mfa` job over --tenants tenants (`sandbox serve --tenants`) of --users users
            each, a client-secret profile per tenant; the limit is the busiest tenant's, as in
            scale (each tenant has its own budgets).
  journal:  `reset-mfa` of the same --users users twice, each on a fresh sandbox of the same seed
            without throttling, and authdesk told so (a stated write budget of 1,000,000, so that the journal is what differs): with the local SQLite journal,
            then with the team journal in PostgreSQL (--journal-url, its password in PGPASSWORD;
            else a throwaway cluster of Tests/EndToEnd/postgres_cluster.py); prints each wall time
            and users a second.
  auth0:    `reset-mfa` of --users Auth0 users against a sandbox allowing --auth0-rate 2
            requests a second (a free plan); prints the users' states and the wall time beside
            the least requests such a reset needs / the rate.

Build first:  scripts/build-release   (authdesk with the Swift runtime static, as the README's figures)
Run:          python3 Benchmarks/reset_cli.py compare --latency 200 --users 60
              python3 Benchmarks/reset_cli.py planning --latency 100 --small 20 --large 400
              python3 Benchmarks/reset_cli.py scale --users 5000 --latency 20
              python3 Benchmarks/reset_cli.py tenants --tenants 20 --users 250 --latency 20
              python3 Benchmarks/reset_cli.py writes --latency 200 --users 60
              python3 Benchmarks/reset_cli.py auth0 --users 20 --latency 20
The figures are wall times on this machine; the sandbox runs in its own process beside them.
"""
import argparse
import http.client
import json
import os
import pathlib
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

from job_timeline import JobWatch

ROOT = pathlib.Path(__file__).resolve().parents[1]
PORTAL_TYPES = {"#microsoft.graph.phoneAuthenticationMethod",
                "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod",
                "#microsoft.graph.softwareOathAuthenticationMethod"}
SEGMENTS = {"#microsoft.graph.phoneAuthenticationMethod": "phoneMethods",
            "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod": "microsoftAuthenticatorMethods",
            "#microsoft.graph.softwareOathAuthenticationMethod": "softwareOathMethods"}
MOBILE = "3179e48a-750b-4051-897c-87b9720928f7"
ALTERNATE = "b6332ec1-7057-4abe-9331-3d72feddfe41"
OFFICE = "e37fc753-ff3b-4958-9484-eaa9425c82bc"
NAMED = {"helpdesk@contoso.com", "cameronw@contoso.com", "avery.howard@contoso.com", "priya.raman@contoso.com",
         "zoe.lindqvist@contoso.com", "soren.kjaergaard@contoso.com"}


class Sandbox:
    """`authdesk sandbox serve` with `options`; its first line parsed; stopped with SIGTERM."""

    def __init__(self, binary, *options):
        self.process = subprocess.Popen([str(binary), "sandbox", "serve", *options],
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.info = json.loads(self.process.stdout.readline())

    def tenant(self, name="contoso"):
        return next(t for t in self.info["tenants"] if t["name"] == name)

    def env(self, name="contoso"):
        entry = self.tenant(name)
        return {"AZURE_TENANT_ID": entry["id"], "AZURE_CLIENT_ID": entry["clientId"],
                "AZURE_CLIENT_SECRET": entry["clientSecret"], "AZURE_AUTHORITY_HOST": self.info["authority"],
                "AUTHDESK_GRAPH_URL": self.info["graph"].rsplit("/", 1)[0]}

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.stop()


class Graph:
    """The simplest client: one keep-alive connection, one request at a time."""

    def __init__(self, sandbox, name="contoso"):
        authority = urllib.parse.urlsplit(sandbox.info["authority"])
        self.connection = http.client.HTTPConnection(authority.hostname, authority.port, timeout=120)
        self.requests = 0
        entry = sandbox.tenant(name)
        form = urllib.parse.urlencode({"grant_type": "client_credentials", "client_id": entry["clientId"],
                                       "client_secret": entry["clientSecret"],
                                       "scope": "https://graph.microsoft.com/.default"})
        status, body = self.send("POST", f"/{entry['id']}/oauth2/v2.0/token", form,
                                 {"Content-Type": "application/x-www-form-urlencoded"})
        assert status == 200, body
        self.token = json.loads(body)["access_token"]

    def send(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if getattr(self, "token", None):
            headers["Authorization"] = "Bearer " + self.token
        while True:
            self.requests += 1
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            data = response.read()
            if response.status == 429:
                time.sleep(float(response.getheader("Retry-After") or "1"))
                continue
            return response.status, data

    def get(self, path):
        status, data = self.send("GET", path)
        assert status == 200, (path, status, data[:300])
        return json.loads(data)


def generated_users(sandbox, count, name="contoso"):
    """`count` generated users of tenant `name`, by principal name (the seed's named people and
    operators left out)."""
    graph = Graph(sandbox, name)
    names = []
    page = graph.get("/v1.0/users?$top=100&$select=userPrincipalName")
    while True:
        names += [u["userPrincipalName"] for u in page["value"]]
        link = page.get("@odata.nextLink")
        if not link or len(names) > count + 50:
            break
        page = graph.get(urllib.parse.urlsplit(link)._replace(scheme="", netloc="").geturl())
    generated = [n for n in names if n.lower() not in NAMED and not n.lower().startswith("helpdesk@")]
    assert len(generated) >= count, f"the sandbox has {len(generated)} users, {count} asked"
    return generated[:count]


def sequential_script(sandbox, users):
    """List (v1.0 methods, beta hardware tokens), read the default, deactivate hardware tokens,
    delete one by one (alternate mobile before mobile, the default last), next user: the same
    work as the portal policy, one request at a time. Returns (seconds, requests) from sign-in to the last delete."""
    started = time.monotonic()
    graph = Graph(sandbox)
    preferred_slot = {"sms": MOBILE, "voiceMobile": MOBILE, "voiceAlternateMobile": ALTERNATE, "voiceOffice": OFFICE}
    for upn in users:
        key = urllib.parse.quote(upn, safe="")
        methods = graph.get(f"/v1.0/users/{key}/authentication/methods")["value"]
        preferred = graph.get(f"/beta/users/{key}/authentication/signInPreferences").get(
            "userPreferredMethodForSecondaryAuthentication")
        hardware = graph.get(f"/beta/users/{key}/authentication/hardwareOathMethods")["value"]
        doomed = [m for m in methods if m.get("@odata.type") in PORTAL_TYPES]
        for token in hardware:
            if (token.get("device") or {}).get("status", token.get("status")) != "activated":
                continue
            status, data = graph.send("POST", f"/beta/users/{key}/authentication/hardwareOathMethods/{token['id']}/deactivate")
            assert status in (200, 204), (upn, token["id"], status, data[:300])

        def is_default(method):
            kind = method["@odata.type"]
            if preferred in preferred_slot:
                return method["id"] == preferred_slot[preferred]
            if preferred == "push":
                return kind.endswith("microsoftAuthenticatorAuthenticationMethod")
            return preferred == "oath" and kind.endswith("softwareOathAuthenticationMethod")

        ids = {m["id"] for m in doomed}
        if preferred == "voiceAlternateMobile" and MOBILE in ids:
            # The alternate mobile must go before the mobile: make the mobile the default first.
            status, data = graph.send("PATCH", f"/beta/users/{key}/authentication/signInPreferences",
                                      json.dumps({"userPreferredMethodForSecondaryAuthentication": "voiceMobile"}),
                                      {"Content-Type": "application/json"})
            assert status in (200, 204), (upn, status, data[:300])
            preferred = "voiceMobile"
        doomed.sort(key=lambda m: (is_default(m), m["id"] == MOBILE))
        for method in doomed:
            status, data = graph.send("DELETE", f"/v1.0/users/{key}/authentication/{SEGMENTS[method['@odata.type']]}/{method['id']}")
            assert status in (204, 404), (upn, method["id"], status, data[:300])
    return time.monotonic() - started, graph.requests


def authdesk(binary, sandbox, args, state, extra_env=None):
    """Runs `authdesk ARGS` against contoso; returns (seconds, completed process)."""
    env = dict(bench_env(state), **sandbox.env(), **(extra_env or {}))
    started = time.monotonic()
    result = subprocess.run([str(binary), *args], env=env, capture_output=True, text=True,
                            stdin=subprocess.DEVNULL, timeout=3600)
    return time.monotonic() - started, result


def phases(binary, sandbox, path, state):
    """`reset-mfa --dry-run --verbose` of the users in `path`, its request lines timed as they
    arrive on standard error; prints when each kind of request first started and last ended
    (seconds from process start), so that the time of each planning phase shows."""
    env = dict(bench_env(state), **sandbox.env())
    started = time.monotonic()
    process = subprocess.Popen([str(binary), "reset-mfa", "--users-file", path, "--dry-run", "--output", "json",
                                "--verbose"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               stdin=subprocess.DEVNULL)
    lines = []
    for line in process.stderr:
        lines.append((time.monotonic() - started, line.strip()))
    process.wait()
    wall = time.monotonic() - started
    rows = []
    for at, line in lines:
        words = line.split()
        if len(words) < 5 or not words[1] in ("GET", "POST", "PATCH", "DELETE"):
            continue
        took = int(words[4].rstrip("ms")) / 1000 if words[4].endswith("ms") else 0
        rows.append((at - took, at, words[1], words[2]))
    print(f"  {len(rows)} requests; process {wall:.2f} s; first request sent at {rows[0][0]:.2f} s" if rows else
          f"  no request lines; process {wall:.2f} s")
    groups = []
    for sent, ended, method, path in rows:
        kind = method + " " + ("$batch" if path.endswith("$batch") else path.rsplit("/", 1)[-1][:40])
        if groups and groups[-1][0] == kind:
            groups[-1][1] = min(groups[-1][1], sent)
            groups[-1][2] = max(groups[-1][2], ended)
            groups[-1][3] += 1
        else:
            groups.append([kind, sent, ended, 1])
    for kind, sent, ended, count in groups:
        print(f"  {kind}: {count} from {sent:.2f} s to {ended:.2f} s")


def users_file(users):
    handle = tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False)
    handle.write("\n".join(users) + "\n")
    handle.close()
    return handle.name


def serve_options(options, users):
    extra = ["--latency-ms", str(options.latency), "--users", str(users), "--seed", str(options.seed)]
    return extra + list(options.serve or [])


def compare(options):
    population = options.users + 60
    with Sandbox(options.binary, *serve_options(options, population)) as sandbox:
        users = generated_users(sandbox, options.users)
        script, requests = sequential_script(sandbox, users)
    path = users_file(users)
    args = ["reset-mfa", "--users-file", path, "--yes", "--output", "json"] + (options.authdesk_args or [])
    with Sandbox(options.binary, *serve_options(options, population)) as sandbox:
        wall, result = authdesk(options.binary, sandbox, args, tempfile.mkdtemp(prefix="authdesk-bench-state-"))
    if result.returncode != 0:
        sys.stderr.write(result.stderr[-3000:])
    _, states = run_report(result)
    done = states.get("done", 0)
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; sandbox latency {options.latency} ms, "
          f"{options.users} users, policy portal")
    print(f"sequential script: {script:.2f} s ({requests} requests, one at a time)")
    print(f"authdesk reset-mfa: {wall:.2f} s, exit {result.returncode}, {done} of {options.users} users done "
          f"(args: {' '.join(args[3:])})")
    print(f"ratio script / authdesk: {script / wall:.2f}x (target: at least 10x)")


def planning(options):
    with Sandbox(options.binary, *serve_options(options, options.large + 60)) as sandbox:
        users = generated_users(sandbox, options.large)
        figures = {}
        for count in (options.small, options.large):
            path = users_file(users[:count])
            times = []
            for _ in range(options.runs):
                time.sleep(10)  # the sandbox's read budget (per 10 s) full again, as for a first run
                wall, result = authdesk(options.binary, sandbox,
                                        ["reset-mfa", "--users-file", path, "--dry-run", "--output", "json"]
                                        + (options.authdesk_args or []),
                                        tempfile.mkdtemp(prefix="authdesk-bench-state-"))
                if result.returncode != 0:
                    sys.stderr.write(result.stderr[-3000:])
                    raise SystemExit(f"reset-mfa --dry-run of {count} users ended with {result.returncode}")
                times.append(wall)
            figures[count] = statistics.median(times)
            print(f"planning {count} users (dry run, process start to exit): median {figures[count]:.2f} s "
                  f"(runs: {', '.join(f'{t:.2f}' for t in times)})")
            if options.phases:
                time.sleep(10)
                phases(options.binary, sandbox, path, tempfile.mkdtemp(prefix="authdesk-bench-state-"))
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; sandbox latency {options.latency} ms")
    print(f"growth t({options.large}) / t({options.small}): {figures[options.large] / figures[options.small]:.2f} "
          f"(target: at most 4)")


def sandbox_counts(sandbox):
    """The sandbox's `GET /sandbox/requests` counts."""
    url = urllib.parse.urlparse(sandbox.info["authority"])
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    connection.request("GET", "/sandbox/requests")
    counts = json.loads(connection.getresponse().read())
    connection.close()
    return counts


def writes(options):
    population = options.users + 60
    with Sandbox(options.binary, *serve_options(options, population)) as sandbox:
        users = generated_users(sandbox, options.users)
    path = users_file(users)
    args = ["reset-mfa", "--users-file", path, "--yes", "--output", "json"] + (options.authdesk_args or [])
    figures = {}
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; sandbox latency {options.latency} ms, "
          f"{options.users} users, policy portal, write budget as `sandbox serve` sets it")
    for mode in ("chained", "steps"):
        with Sandbox(options.binary, *serve_options(options, population)) as sandbox:
            wall, result = authdesk(options.binary, sandbox, args, tempfile.mkdtemp(prefix="authdesk-bench-state-"),
                                    {"AUTHDESK_RESET_WRITES": mode})
            counts = sandbox_counts(sandbox)
        if result.returncode != 0:
            sys.stderr.write(result.stderr[-3000:])
        _, states = run_report(result)
        figures[mode] = wall
        single = counts["writes"] - counts.get("batches", 0)
        print(f"AUTHDESK_RESET_WRITES={mode}: {wall:.2f} s, exit {result.returncode}, states {states}; "
              f"$batch requests with writes {counts.get('writeBatches')}, single writes {single}")
    print(f"ratio steps / chained: {figures['steps'] / figures['chained']:.2f}x")


def run_report(result):
    """The rows of `reset-mfa --output json`, and how many ended in each state."""
    text = result.stdout.strip()
    report = json.loads(text) if text.startswith(("{", "[")) else []
    rows = report if isinstance(report, list) else report.get("users", [])
    states = {}
    for row in rows:
        states[row.get("state")] = states.get(row.get("state"), 0) + 1
    return rows, states


def scale(options):
    serve = ["--graph-write-budget", str(options.write_budget), "--graph-read-budget", str(options.read_budget)]
    options.serve = (options.serve or []) + serve
    with Sandbox(options.binary, *serve_options(options, options.users + 60)) as sandbox:
        users = generated_users(sandbox, options.users)
        path = users_file(users)
        _, dry = authdesk(options.binary, sandbox, ["reset-mfa", "--users-file", path, "--dry-run", "--output", "json"],
                          tempfile.mkdtemp(prefix="authdesk-bench-state-"))
        plan = json.loads(dry.stdout)
        writes = plan["totals"]["steps"]
        longest = max((len(u["steps"]) for u in plan["users"]), default=0)
    with Sandbox(options.binary, *serve_options(options, options.users + 60)) as sandbox:
        args = ["reset-mfa", "--users-file", path, "--yes", "--output", "json"] + (options.authdesk_args or [])
        watch = JobWatch(sandbox, interval=0.25)
        watch.start()
        wall, result = authdesk(options.binary, sandbox, args, tempfile.mkdtemp(prefix="authdesk-bench-state-"),
                                stated_budget(options))
        watch.stop()
    _, states = run_report(result)
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; sandbox latency {options.latency} ms, "
          f"write budget {options.write_budget} per 150 s, read budget {options.read_budget} units per 10 s")
    print(f"{options.users} users, {writes} writes planned (longest user {longest} steps)")
    report_limit(options, options.users, writes, longest, wall, result, states)
    watch.report()


def stated_budget(options):
    """The environment that tells authdesk the write budget the sandbox was given (what an
    operator writes as `graph_write_budget` for a tenant whose budget is not Graph's documented
    3,000); none with --unstated-budget."""
    return {} if options.unstated_budget else {"AUTHDESK_GRAPH_WRITE_BUDGET": str(options.write_budget)}


def report_limit(options, users, writes, longest, wall, result, states):
    """Prints the limit one tenant's budgets allow `users` users and `writes` writes, beside `wall`."""
    read_rate, write_rate = options.read_budget / 10, options.write_budget / 150
    planning = max(0, 8 * users - options.read_budget) / read_rate
    running = max(max(0, writes - options.write_budget) / write_rate, 4 * users / read_rate)
    chain = options.latency / 1000 * (5 + longest + 1)  # sign-in, resolve, plan, pre-flight; steps; verify
    limit = planning + running + chain
    print(f"limit: planning reads {planning:.1f} s + run max(writes, verifying reads) {running:.1f} s "
          f"+ one user's round trips {chain:.1f} s = {limit:.1f} s")
    print(f"authdesk reset-mfa: {wall:.1f} s, exit {result.returncode}, states {states}")
    print(f"wall / limit: {wall / limit:.2f} (target: at most 1.1, no failed user)")
    if result.returncode != 0:
        sys.stderr.write(result.stderr[-2000:])


def tenants(options):
    """One job over --tenants tenants of --users users each: every tenant has its own budgets, so
    the limit is the largest tenant's (its planned writes)."""
    serve = ["--graph-write-budget", str(options.write_budget), "--graph-read-budget", str(options.read_budget),
             "--tenants", str(options.tenants)]
    options.serve = (options.serve or []) + serve
    population = options.users + 20
    state = tempfile.mkdtemp(prefix="authdesk-bench-state-")
    config = pathlib.Path(state) / "config.toml"
    secrets = {}

    def configure(sandbox):
        """A client-secret profile per tenant of `sandbox` (its port changes with each start)."""
        names = [t["name"] for t in sandbox.info["tenants"]]
        profiles = [f'default_profile = "{names[0]}"\n']
        for name in names:
            entry = sandbox.tenant(name)
            variable = "SECRET_" + name.upper()
            secrets[variable] = entry["clientSecret"]
            profiles.append(f'[profiles.{name}]\nprovider = "graph"\ntenant_id = "{entry["id"]}"\n'
                            f'client_id = "{entry["clientId"]}"\nsign_in = "client-secret"\n'
                            f'client_secret_env = "{variable}"\nauthority_url = "{sandbox.info["authority"]}"\n'
                            f'graph_url = "{sandbox.info["authority"]}"\n'
                            + ("" if options.unstated_budget else f"graph_write_budget = {options.write_budget}\n"))
        config.write_text("\n".join(profiles))
        return names

    def run(*args):
        started = time.monotonic()
        result = subprocess.run([str(options.binary), *args, "--config", str(config)],
                                env=dict(bench_env(state), **secrets), capture_output=True,
                                text=True, stdin=subprocess.DEVNULL, timeout=3600)
        return time.monotonic() - started, result
    with Sandbox(options.binary, *serve_options(options, population)) as sandbox:
        names = configure(sandbox)
        lines = [f"{name}:{user}" for name in names for user in generated_users(sandbox, options.users, name)]
        path = users_file(lines)
        planning = JobWatch(sandbox)
        planning.start()
        _, dry = run("reset-mfa", "--users-file", path, "--dry-run", "--output", "json")
        planning.stop()
        if dry.returncode != 0:
            raise SystemExit(f"the dry run ended with {dry.returncode}: {dry.stderr[-2000:]}")
        plan = json.loads(dry.stdout)
    per_tenant = {}
    for user in plan["users"]:
        per_tenant[user["tenant"]] = per_tenant.get(user["tenant"], 0) + len(user["steps"])
    longest = max((len(u["steps"]) for u in plan["users"]), default=0)
    if not plan["users"]:
        raise SystemExit("the dry run planned no user: " + dry.stderr[-2000:])
    with Sandbox(options.binary, *serve_options(options, population)) as sandbox:
        configure(sandbox)
        watch = JobWatch(sandbox)
        watch.start()
        wall, result = run("reset-mfa", "--users-file", path, "--yes", "--output", "json", *(options.authdesk_args or []))
        watch.stop()
    _, states = run_report(result)
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; sandbox latency {options.latency} ms, "
          f"per tenant: write budget {options.write_budget} per 150 s, read budget {options.read_budget} units per 10 s")
    print(f"{len(names)} tenants x {options.users} users = {len(lines)} users in one job, {plan['totals']['steps']} writes "
          f"planned (most in one tenant {max(per_tenant.values())}, longest user {longest} steps)")
    print(f"the dry run (planning only, its own sandbox): {planning.wall:.1f} s; CPU: the sandbox {planning.sandbox_cpu:.1f} s, "
          f"authdesk {planning.client_cpu:.1f} s")
    report_limit(options, options.users, max(per_tenant.values()), longest, wall, result, states)
    watch.report(burst=options.write_budget * 99 // 100)


def auth0(options):
    extra = ["--auth0-rate-limit", str(options.auth0_rate)]
    with Sandbox(options.binary, *serve_options(options, 2 * options.users + 40), *extra) as sandbox:
        auth = sandbox.info["auth0"]
        env = {"AUTH0_DOMAIN": auth["domain"], "AUTH0_CLIENT_ID": auth["clientId"], "AUTH0_CLIENT_SECRET": auth["clientSecret"]}
        state = tempfile.mkdtemp(prefix="authdesk-bench-state-")

        def run(*args):
            return subprocess.run([str(options.binary), *args], env=dict(bench_env(state), **env), capture_output=True,
                                  text=True, stdin=subprocess.DEVNULL, timeout=3600)
        found = run("users", "search", "", "--top", str(options.users + 10), "--output", "json")
        users = [u["principalName"] or u["id"] for u in json.loads(found.stdout)][-options.users:]
        path = users_file(users)
        dry = json.loads(run("reset-mfa", "--users-file", path, "--dry-run", "--output", "json").stdout)
        steps = dry["totals"]["steps"]
        time.sleep(2)  # the bucket fills again
        started = time.monotonic()
        result = run("reset-mfa", "--users-file", path, "--yes", "--output", "json", *(options.authdesk_args or []))
        wall = time.monotonic() - started
    _, states = run_report(result)
    # A token, then per user: found (1), methods (1), the pre-flight's user (1), its steps, verified (1).
    requests = 1 + 4 * len(users) + steps
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; Auth0 rate limit "
          f"{options.auth0_rate} requests/s (bucket of as many), latency {options.latency} ms, {len(users)} users, {steps} steps")
    print(f"authdesk reset-mfa: {wall:.1f} s, exit {result.returncode}, states {states}")
    limit = max(0, requests - options.auth0_rate) / options.auth0_rate
    print(f"limit: {requests} requests at least, at {options.auth0_rate}/s after a burst of {options.auth0_rate}: "
          f"{limit:.1f} s; wall / limit {wall / limit:.2f}")
    if result.returncode != 0:
        sys.stderr.write(result.stderr[-2000:])


def journal(options):
    cluster = None
    if options.journal_url:
        url, secrets = options.journal_url, {k: v for k, v in os.environ.items() if k in ("PGPASSWORD", "PGPASSFILE")}
    else:
        sys.path.insert(0, str(ROOT / "Tests" / "EndToEnd"))
        from postgres_cluster import PostgresCluster
        cluster = PostgresCluster().start()
        url, secrets = cluster.url(), cluster.environment()
    options.serve = (options.serve or []) + ["--no-throttling"]
    try:
        with Sandbox(options.binary, *serve_options(options, options.users + 60)) as sandbox:
            path = users_file(generated_users(sandbox, options.users))
        print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; sandbox latency {options.latency} ms, "
              f"no throttling; {options.users} users")
        # No throttling, and authdesk told so (a budget it never reaches), so the journal is what differs.
        unpaced = {"AUTHDESK_GRAPH_WRITE_BUDGET": "1000000"}
        for store, extra in (("SQLite", unpaced), ("PostgreSQL", dict(secrets, AUTHDESK_JOURNAL_URL=url, **unpaced))):
            with Sandbox(options.binary, *serve_options(options, options.users + 60)) as sandbox:
                args = ["reset-mfa", "--users-file", path, "--yes", "--output", "json"] + (options.authdesk_args or [])
                wall, result = authdesk(options.binary, sandbox, args, tempfile.mkdtemp(prefix="authdesk-bench-state-"), extra)
            _, states = run_report(result)
            print(f"{store} journal: {wall:.1f} s, {options.users / wall:.1f} users/s, exit {result.returncode}, states {states}")
            if result.returncode != 0:
                sys.stderr.write(result.stderr[-2000:])
    finally:
        if cluster:
            cluster.remove()


def bench_env(state):
    home = tempfile.mkdtemp(prefix="authdesk-bench-reset-")
    env = {"PATH": os.environ.get("PATH", ""), "HOME": home, "LANG": "C.UTF-8", "TZ": "UTC",
           "XDG_CONFIG_HOME": os.path.join(home, "config"), "AUTHDESK_STATE_DIR": state}
    for name in ("AUTHDESK_RESET_WRITES", "AUTHDESK_HTTP_CLIENT", "AUTHDESK_JOURNAL_URL", "PGPASSWORD"):  # the caller's choice
        if name in os.environ:
            env[name] = os.environ[name]
    return env


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["compare", "planning", "scale", "tenants", "writes", "auth0", "journal"])
    parser.add_argument("--phases", action="store_true", help="planning: also time each phase's requests")
    parser.add_argument("--tenants", type=int, default=20, help="tenants: Entra tenants in the job")
    parser.add_argument("--binary", default=os.environ.get("AUTHDESK_BINARY", ROOT / ".build/release/authdesk"))
    parser.add_argument("--latency", type=int, default=None, help="sandbox latency in ms (200 compare, 100 planning)")
    parser.add_argument("--users", type=int, default=60)
    parser.add_argument("--small", type=int, default=20)
    parser.add_argument("--large", type=int, default=400)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--write-budget", type=int, default=3000, help="scale: Graph writes per 150 s")
    parser.add_argument("--read-budget", type=int, default=3500, help="scale: Graph read units per 10 s")
    parser.add_argument("--unstated-budget", action="store_true",
                        help="scale, tenants: do not tell authdesk the sandbox's write budget (it paces by Graph's 3,000)")
    parser.add_argument("--auth0-rate", type=int, default=2, help="auth0: requests a second")
    parser.add_argument("--serve", nargs="*", help="more `sandbox serve` options")
    parser.add_argument("--authdesk-args", nargs="*", help="more `reset-mfa` options, e.g. --concurrency 20")
    parser.add_argument("--journal-url", help="journal: the team journal to measure (default: a throwaway cluster)")
    options = parser.parse_args()
    if options.latency is None:
        options.latency = {"compare": 200, "planning": 100, "writes": 200}.get(options.mode, 20)
    modes = {"compare": compare, "planning": planning, "scale": scale, "tenants": tenants, "writes": writes, "auth0": auth0,
             "journal": journal}
    modes[options.mode](options)


if __name__ == "__main__":
    main()
