#!/usr/bin/env python3
"""Console figures measured on the real binary in a pseudo-terminal (read back through pyte).

  start: time from process start to the first complete frame showing the user list, on the
         embedded sandbox (no profile configured); the median of --runs runs. Each run also
         asks the console for its phase times (AUTHDESK_START_TRACE) and the medians are
         printed as a breakdown: when each phase ended after the spawn, and what it took.
  idle:  CPU (user + system) the console uses over --seconds idle seconds once the first
         screen has settled, from /proc/PID/stat, with its voluntary context switches.
  memory: resident memory of the real console with --users users listed: `authdesk sandbox
         serve --users N` in its own process, the console signed in to its contoso as the
         application (AZURE_* variables), `G` pressed page after page until the whole list is
         loaded; VmRSS and VmHWM from /proc/PID/status, before and after, with VmRSS split into
         anonymous memory (heap, stacks) and pages mapped from files (the binary, libraries).
  paging: the same console, G (or --key) pressed every --interval seconds without waiting for
         the answers: the longest wait for a page, and whether paging stalled (--stall seconds
         without a page).

Build first:  scripts/build-release   (the Swift runtime and Foundation linked statically, the
              release build the README's figures are for; the memory target is met only so)
Run:          python3 Benchmarks/console_pty.py start --runs 10
              python3 Benchmarks/console_pty.py idle --seconds 30
              python3 Benchmarks/console_pty.py memory --users 100000
              python3 Benchmarks/console_pty.py paging --users 100000 --interval 0.3
"""
import argparse
import json
import os
import pathlib
import re
import statistics
import subprocess
import sys
import tempfile
import time

import pexpect

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "Tests" / "EndToEnd"))
from terminal import RepScreen, RepStream  # noqa: E402  (pyte with the REP and scrolling ncurses uses)
USERS_SHOWN = re.compile(r"\b(\d+)(\+?) users?\b")


def environment(home):
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": home,
        "XDG_CONFIG_HOME": os.path.join(home, "config"),
        "XDG_STATE_HOME": os.path.join(home, "state"),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TERM": "xterm-256color",
        "TZ": "UTC",
        "ESCDELAY": "25",
    }


class Console:
    """authdesk in a pty of rows x cols, its output fed to a pyte screen as it arrives."""

    def __init__(self, binary, rows, cols, extra_env=None):
        self.home = tempfile.mkdtemp(prefix="authdesk-bench-")
        self.trace = os.path.join(self.home, "start-trace.tsv")
        self.screen = RepScreen(cols, rows)
        self.stream = RepStream(self.screen)
        env = dict(environment(self.home), AUTHDESK_START_TRACE=self.trace, **(extra_env or {}))
        self.started = time.monotonic()
        self.child = pexpect.spawn(str(binary), [], env=env, dimensions=(rows, cols), timeout=30)

    def phases(self):
        """The console's own phase times (seconds after the spawn, in the order they ended);
        empty when the binary does not write them."""
        try:
            with open(self.trace) as f:
                rows = [line.rstrip("\n").split("\t") for line in f if "\t" in line]
        except FileNotFoundError:
            return []
        return [(name, float(seconds) - self.started) for name, seconds in rows]

    def read(self, timeout):
        """Feeds one chunk to the screen; b"" when nothing came in time, None at EOF."""
        try:
            data = self.child.read_nonblocking(65536, timeout=timeout)
        except pexpect.TIMEOUT:
            return b""
        except (pexpect.EOF, OSError):
            return None
        self.stream.feed(data)
        return data

    def lines(self):
        buffer, columns = self.screen.buffer, self.screen.columns
        return ["".join(buffer[y][x].data for x in range(columns)).rstrip() for y in range(self.screen.lines)]

    def list_drawn(self):
        """The user list is on screen: the count in the search line, rows under the header, hints."""
        lines = self.lines()
        text = "\n".join(lines)
        if not USERS_SHOWN.search(text) or "Principal name" not in text:
            return False
        header = next(i for i, line in enumerate(lines) if "Principal name" in line)
        rows = [line for line in lines[header + 1:header + 4] if "@" in line]
        return len(rows) >= 3 and lines[-1].strip() != ""

    def wait(self, condition, timeout=60.0):
        """Reads until `condition` holds; returns the seconds since spawn when it first did."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            data = self.read(0.5)
            if data is None:
                raise RuntimeError("authdesk exited before the list was drawn:\n" + "\n".join(self.lines()))
            if data and condition():
                return time.monotonic() - self.started
        raise RuntimeError("timed out; screen:\n" + "\n".join(self.lines()))

    def settle(self, quiet=2.0, timeout=30.0):
        """Reads until nothing has come for `quiet` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.read(quiet) == b"":
                return

    def close(self):
        if self.child.isalive():
            self.child.sendline("")
            self.child.send("q")
            try:
                self.child.expect(pexpect.EOF, timeout=5)
            except pexpect.TIMEOUT:
                self.child.terminate(force=True)
        self.child.close()


def cpu_seconds(pid):
    """utime + stime of the process (all its threads), in seconds."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def context_switches(pid):
    """Voluntary context switches of each of the process's threads, by thread id (each is a
    wake-up)."""
    counts = {}
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/status") as f:
                for line in f:
                    if line.startswith("voluntary_ctxt_switches"):
                        counts[task] = int(line.split()[1])
        except FileNotFoundError:
            pass  # the thread ended while being read
    return counts


def switches_between(before, after):
    """Wake-ups between two samples: the growth of the threads alive at both, all of those of
    threads started since; threads that ended in between are counted as they were (their last
    switches are not known)."""
    return sum(count - before.get(task, 0) for task, count in after.items())


def start(args):
    times, firsts = [], []
    phases = {}
    for run in range(args.runs):
        console = Console(args.binary, args.rows, args.cols)
        try:
            first_frame = console.wait(lambda: any(line.strip() for line in console.lines()))
            listed = console.wait(console.list_drawn) if not console.list_drawn() else first_frame
        finally:
            console.close()
        times.append(listed)
        firsts.append(first_frame)
        for name, seconds in console.phases():
            phases.setdefault(name, []).append(seconds)
        print(f"run {run + 1}: first output {first_frame * 1000:.0f} ms, user list drawn {listed * 1000:.0f} ms")
    if phases:
        print("phases, as the console recorded them (median ms after the spawn; what the phase took):")
        previous = 0.0
        for name, values in sorted(phases.items(), key=lambda item: statistics.median(item[1])):
            ended = statistics.median(values)
            print(f"  {name:<20} {ended * 1000:7.1f} ms  (+{(ended - previous) * 1000:.1f} ms)")
            previous = ended
    print(f"start to first output, {args.runs} runs: median {statistics.median(firsts) * 1000:.0f} ms, "
          f"min {min(firsts) * 1000:.0f} ms, max {max(firsts) * 1000:.0f} ms")
    print(f"start to user list drawn, {args.rows}x{args.cols}, {args.runs} runs: "
          f"median {statistics.median(times) * 1000:.0f} ms, min {min(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms")
    print(f"load average during the runs: {os.getloadavg()[0]:.1f} (1 min)")


def idle(args):
    console = Console(args.binary, args.rows, args.cols)
    try:
        console.wait(console.list_drawn)
        console.settle(quiet=2.0)
        pid = console.child.pid
        cpu_before, switches_before = cpu_seconds(pid), context_switches(pid)
        written = 0
        deadline = time.monotonic() + args.seconds
        while time.monotonic() < deadline:
            data = console.read(min(1.0, max(0.01, deadline - time.monotonic())))
            if data is None:
                raise RuntimeError("authdesk exited while idle")
            written += len(data)
        cpu_after, switches_after = cpu_seconds(pid), context_switches(pid)
        threads = len(os.listdir(f"/proc/{pid}/task"))
        ended = len(set(switches_before) - set(switches_after))
    finally:
        console.close()
    used = cpu_after - cpu_before
    print(f"idle {args.seconds:.0f} s after the first screen settled: CPU {used * 1000:.0f} ms "
          f"({used / args.seconds * 100:.2f} %), {switches_between(switches_before, switches_after)} voluntary "
          f"context switches over {threads} threads ({ended} ended meanwhile), {written} bytes written to the terminal")


def status_kb(pid, field):
    """A `VmRSS`-like field of /proc/PID/status, in kB."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/{pid}/status")


class ServedConsole:
    """`authdesk sandbox serve --users N` in its own process and the console signed in to its
    contoso as the application (AZURE_* variables), the user list drawn."""

    def __init__(self, args):
        self.serve = subprocess.Popen([args.binary, "sandbox", "serve", "--users", str(args.users)],
                                      stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            sandbox = json.loads(self.serve.stdout.readline())
            contoso = next(t for t in sandbox["tenants"] if t["name"] == "contoso")
            env = {"AZURE_TENANT_ID": contoso["id"], "AZURE_CLIENT_ID": contoso["clientId"],
                   "AZURE_CLIENT_SECRET": contoso["clientSecret"], "AZURE_AUTHORITY_HOST": sandbox["authority"],
                   "AUTHDESK_GRAPH_URL": sandbox["graph"].rsplit("/", 1)[0]}
            self.console = Console(args.binary, args.rows, args.cols, extra_env=env)
            self.console.wait(self.console.list_drawn)
        except BaseException:
            self.close()
            raise

    def shown(self):
        """The count on the search line and whether more are to load (`N+ users`)."""
        found = USERS_SHOWN.search("\n".join(self.console.lines()))
        return (int(found.group(1)), found.group(2) == "+") if found else (0, True)

    def close(self):
        if getattr(self, "console", None):
            self.console.close()
        self.serve.terminate()
        self.serve.wait(timeout=30)


def memory(args):
    served = ServedConsole(args)
    console = served.console
    try:
        console.settle(quiet=1.0)
        pid = console.child.pid
        first_rss = status_kb(pid, "VmRSS")
        first_split = (status_kb(pid, "RssAnon"), status_kb(pid, "RssFile"))
        started = time.monotonic()
        count, more = served.shown()
        progressed = time.monotonic()
        while more and count < args.users:
            # G selects the last user listed, which asks for the next page (and that user's
            # methods); the next G waits until both came and nothing is in flight (`paging`
            # measures G pressed without waiting).
            console.child.send("G")
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                if console.read(0.05) is None:
                    raise RuntimeError("authdesk exited while loading:\n" + "\n".join(console.lines()))
                lines = console.lines()
                if served.shown() != (count, more) and "working" not in lines[0] and "Loading" not in "\n".join(lines):
                    break
            if served.shown() != (count, more):
                count, more = served.shown()
                progressed = time.monotonic()
            elif time.monotonic() - progressed > 120:
                raise RuntimeError("no page for 120 s; screen:\n" + "\n".join(console.lines()))
        console.settle(quiet=1.0)
        loaded = time.monotonic() - started
        rss, hwm = status_kb(pid, "VmRSS"), status_kb(pid, "VmHWM")
        split = (status_kb(pid, "RssAnon"), status_kb(pid, "RssFile"))
    finally:
        served.close()
    print(f"console with {count} users listed ({'more to load' if more else 'the whole list'}), "
          f"{args.rows}x{args.cols}, loaded page by page with G in {loaded:.1f} s")
    print(f"  resident with the first page: {first_rss / 1024:.1f} MB "
          f"(anonymous {first_split[0] / 1024:.1f}, file pages {first_split[1] / 1024:.1f})")
    print(f"  resident with {count} users:  {rss / 1024:.1f} MB (list: +{(rss - first_rss) / 1024:.1f} MB), "
          f"peak (VmHWM) {hwm / 1024:.1f} MB (anonymous {split[0] / 1024:.1f}, file pages {split[1] / 1024:.1f})")
    print(f"load average: {os.getloadavg()[0]:.1f} (1 min)")


def paging(args):
    """`key` (G by default) pressed every --interval seconds without waiting for answers (each
    press cancels the methods read of the user selected before); the longest time without a
    new page, and the time to list --users users. A stall is no page for --stall seconds."""
    served = ServedConsole(args)
    console = served.console
    try:
        started = time.monotonic()
        count, more = served.shown()
        progressed, longest = started, 0.0
        while more and count < args.users:
            console.child.send(args.key.encode().decode("unicode_escape"))
            deadline = time.monotonic() + args.interval
            while time.monotonic() < deadline:
                if console.read(max(0.01, deadline - time.monotonic())) is None:
                    raise RuntimeError("authdesk exited while paging:\n" + "\n".join(console.lines()))
            now = time.monotonic()
            if served.shown() != (count, more):
                longest = max(longest, now - progressed)
                count, more = served.shown()
                progressed = now
            elif now - progressed > args.stall:
                print(f"STALL: no page for {now - progressed:.0f} s at {count} users; screen:")
                print("\n".join(console.lines()))
                break
        took = time.monotonic() - started
    finally:
        served.close()
    print(f"paging with {args.key!r} every {args.interval * 1000:.0f} ms: {count} users listed in {took:.1f} s, "
          f"longest wait for a page {longest:.2f} s ({'stalled' if more and count < args.users else 'no stall'})")
    print(f"load average: {os.getloadavg()[0]:.1f} (1 min)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("figure", choices=["start", "idle", "memory", "paging"])
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "authdesk"))
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--rows", type=int, default=40)
    parser.add_argument("--cols", type=int, default=120)
    parser.add_argument("--interval", type=float, default=0.3, help="paging: seconds between key presses")
    parser.add_argument("--key", default="G", help="paging: the key pressed (G, or \\x1b[6~ for page down)")
    parser.add_argument("--stall", type=float, default=60.0, help="paging: seconds without a page that count as a stall")
    args = parser.parse_args()
    if not os.access(args.binary, os.X_OK):
        parser.error(f"{args.binary} is not an executable; build it: scripts/build-release")
    {"start": start, "idle": idle, "memory": memory, "paging": paging}[args.figure](args)


if __name__ == "__main__":
    main()
