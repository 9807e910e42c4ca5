"""Where a `reset-mfa` job's time goes, seen from the sandbox: `JobWatch` reads the sandbox's
`GET /sandbox/requests` counts every half second while the job runs, and the CPU seconds of
the sandbox's process; `report` prints the phases (sign-ins, planning reads, the silence before
the first write, the writes, the verifying reads, the silence before exit), how soon each
tenant's write burst went out, and the CPU each process used.

Used by reset_cli.py (`tenants`, `scale`); resolution: the poll's half second.
"""
import http.client
import json
import os
import resource
import statistics
import threading
import time
import urllib.parse


def process_cpu(pid):
    """User + system CPU seconds of a running process (nan once it is gone)."""
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class JobWatch:
    """Polls one sandbox's counts from `start()` to `stop()`; the client's CPU is that of the
    children this process waited for in between (the job's process)."""

    def __init__(self, sandbox, interval=0.5):
        url = urllib.parse.urlparse(sandbox.info["authority"])
        self.address = (url.hostname, url.port)
        self.pid = sandbox.process.pid
        self.interval = interval
        self.samples = []
        self.done = threading.Event()
        self.thread = threading.Thread(target=self.poll, daemon=True)

    def counts(self, connection):
        connection.request("GET", "/sandbox/requests")
        return json.loads(connection.getresponse().read())

    def poll(self):
        connection = http.client.HTTPConnection(*self.address, timeout=30)
        while not self.done.is_set():
            at = time.monotonic() - self.started
            try:
                self.samples.append((at, self.counts(connection)))
            except (OSError, http.client.HTTPException, ValueError):
                connection.close()
                connection = http.client.HTTPConnection(*self.address, timeout=30)
            self.done.wait(self.interval)
        connection.close()

    def start(self):
        self.started = time.monotonic()
        self.sandbox_cpu = process_cpu(self.pid)
        self.client_cpu = children_cpu()
        self.thread.start()

    def stop(self):
        """Call once the job's process has exited (and before the sandbox stops)."""
        self.wall = time.monotonic() - self.started
        self.done.set()
        self.thread.join()
        self.sandbox_cpu = process_cpu(self.pid) - self.sandbox_cpu
        self.client_cpu = children_cpu() - self.client_cpu

    def report_seconds(self):
        """Prints, for each second from process start, the Graph reads answered (single and
        inside `$batch` requests, 429s included), the reads and writes refused 429 by a spent
        budget, and the writes that got through: whether a spent budget was kept busy."""
        def totals(counts):
            throttled = counts.get("throttledByBudget", {})
            reads = counts.get("byMethod", {}).get("GET", 0) + counts.get("innerByMethod", {}).get("GET", 0)
            return (reads, throttled.get("read", 0), throttled.get("write", 0),
                    sum(counts.get("writesByTenant", {}).values()))
        marks, second = [], 1.0
        for at, counts in self.samples:
            if at >= second or not marks:
                marks.append((at, totals(counts)))
                second = int(at) + 1.0
        if len(marks) < 2:
            return
        print("  per second (from, to: reads answered, reads refused 429, writes refused 429, writes through):")
        for (a, before), (b, after) in zip(marks, marks[1:]):
            delta = [(y - x) / (b - a) for x, y in zip(before, after)]
            if any(delta):
                print(f"    {a:5.1f} {b:5.1f}: " + " ".join(f"{value:7.0f}" for value in delta))

    def report(self, burst=None):
        """Prints the timeline; `burst`: writes a tenant may send at once (its budget's burst)."""
        rows = []
        for at, counts in self.samples:
            reads = counts.get("byMethod", {}).get("GET", 0) + counts.get("innerByMethod", {}).get("GET", 0)
            rows.append((at, counts.get("signIns", 0), reads, counts.get("writesByTenant", {})))
        print(f"timeline (the sandbox's counts every {self.interval} s; seconds from process start; "
              f"process exit {self.wall:.1f} s):")
        if not rows:
            print("  no sample")
            return
        total = lambda row: sum(row[3].values())
        first_write = next((at for at, *_ , by in rows if sum(by.values()) > 0), None)
        last_change = rows[0][0]
        for before, after in zip(rows, rows[1:]):
            if before[1:3] != after[1:3] or total(before) != total(after):
                last_change = after[0]

        def span(predicate):
            times = [after[0] for before, after in zip(rows, rows[1:]) if predicate(before, after)]
            return (times[0], times[-1]) if times else None
        signs = span(lambda b, a: a[1] > b[1])
        planning = span(lambda b, a: a[2] > b[2] and (first_write is None or a[0] <= first_write))
        writing = span(lambda b, a: total(a) > total(b))
        verifying = span(lambda b, a: a[2] > b[2] and first_write is not None and a[0] > first_write)
        show = lambda name, s: print(f"  {name}: " + (f"{s[0]:.1f} to {s[1]:.1f} s" if s else "none"))
        show("sign-ins", signs)
        show("planning reads", planning)
        if planning and first_write is not None:
            print(f"  nothing sent between planning's last read and the first write: about {first_write - planning[1]:.1f} s")
        show("writes", writing)
        show("reads after the first write (verifying)", verifying)
        print(f"  last request counted at {last_change:.1f} s; process exit {self.wall:.1f} s "
              f"(about {self.wall - last_change:.1f} s after)")
        final = rows[-1][3]
        if final and first_write is not None:
            starts, bursts, ends = [], [], []
            for name in final:
                starts.append(next(at for at, *_, by in rows if by.get(name, 0) > 0))
                ends.append(next(at for at, *_, by in rows if by.get(name, 0) >= final[name]))
                if burst:
                    reached = [at for at, *_, by in rows if by.get(name, 0) >= min(burst, final[name])]
                    bursts.append(reached[0])
            describe = lambda values: (f"first {min(values):.1f} s, median {statistics.median(values):.1f} s, "
                                       f"last {max(values):.1f} s")
            print(f"  per tenant ({len(final)}): first write {describe(starts)}")
            if bursts:
                print(f"  per tenant: {burst} writes reached (the burst) {describe(bursts)}")
            print(f"  per tenant: last write {describe(ends)}")
            windows = []
            for at, *_, by in rows:
                if at >= first_write and (not windows or at - windows[-1][0] >= 10):
                    windows.append((at, sum(by.values())))
            rates = [f"{(b[1] - a[1]) / (b[0] - a[0]):.0f}" for a, b in zip(windows, windows[1:])]
            print(f"  writes a second, all tenants, 10 s windows from the first write: {' '.join(rates)}")
        self.report_seconds()
        print(f"CPU: the sandbox {self.sandbox_cpu:.1f} s, authdesk reset-mfa {self.client_cpu:.1f} s "
              f"(wall {self.wall:.1f} s); load average {os.getloadavg()[0]:.2f}")
