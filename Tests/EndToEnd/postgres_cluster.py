"""A throwaway PostgreSQL server for the team-mode end-to-end tests.

A cluster in a temporary folder, listening on a free port of 127.0.0.1 only (its unix socket in
that folder), password login over TCP; the tests make, start, stop (to fake an outage) and remove
it themselves. PostgreSQL refuses to run as root, so as root the server programs run as the
`postgres` account that Debian's package makes. The Swift tests have the same harness in
Sources/AuthdeskPostgresTesting.
"""

import glob
import os
import pathlib
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid

USER = "authdesk"
DATABASE = "authdesk"
SERVER_ACCOUNT = "postgres"


class PostgresError(RuntimeError):
    """The cluster could not be made, started or stopped: what ran and what it printed."""


def locate_binaries():
    """The folder with initdb, pg_ctl and psql: from PATH, else the newest /usr/lib/postgresql/*/bin."""
    candidates = os.environ.get("PATH", "").split(os.pathsep)
    debian = sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                    key=lambda p: int(p.split("/")[-2]) if p.split("/")[-2].isdigit() else -1, reverse=True)
    for folder in candidates + debian:
        initdb = os.path.join(folder, "initdb")
        if not os.access(initdb, os.X_OK):
            continue
        real = os.path.dirname(os.path.realpath(initdb))
        if all(os.access(os.path.join(real, name), os.X_OK) for name in ("initdb", "pg_ctl", "psql")):
            return real
    raise PostgresError(
        "the PostgreSQL server programs (initdb, pg_ctl, psql) are in neither PATH nor "
        "/usr/lib/postgresql/*/bin; install Debian's postgresql package (apt-get install postgresql), as .ci/run does")


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PostgresCluster:
    """One throwaway server; `url(database)` is what authdesk is given, the password goes in PGPASSWORD."""

    def __init__(self):
        self.bin = locate_binaries()
        self.directory = pathlib.Path(tempfile.mkdtemp(prefix="authdesk-pg-"))
        self.password = uuid.uuid4().hex
        self.port = None
        self.data = self.directory / "data"
        self.log = self.directory / "server.log"

    # Lifecycle

    def start(self):
        """Makes the cluster (user and database `authdesk`) and starts it; returns self."""
        password_file = self.directory / "password"
        password_file.write_text(self.password + "\n")
        self._hand_to_server_account([self.directory, password_file])
        self._server("initdb", "-D", str(self.data), "-U", USER, "--pwfile", str(password_file),
                     "--auth-local=trust", "--auth-host=scram-sha-256", "--encoding=UTF8", "--no-locale", "--no-sync")
        password_file.unlink()
        last = None
        for _ in range(3):  # another process can take the port between picking and listening
            self.port = free_port()
            try:
                self.resume()
                self.psql(f"CREATE DATABASE {DATABASE}", database="postgres")
                return self
            except PostgresError as error:
                last = error
        raise last

    def resume(self):
        """Starts the server again after halt() (same folder, same port) and waits until it takes connections."""
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1"
        self._server("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "60", "start")

    def halt(self):
        """Stops the server (fast shutdown: open sessions end) and waits until it is down."""
        self._server("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "-t", "60", "stop")

    def is_running(self):
        return self._server("pg_ctl", "-D", str(self.data), "status", check=False).returncode == 0

    def remove(self):
        """Stops the server if it runs and deletes its folder."""
        if self.data.exists() and self.is_running():
            self.halt()
        shutil.rmtree(self.directory, ignore_errors=True)

    # Use

    def url(self, database=DATABASE):
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{database}?sslmode=disable"

    def environment(self):
        """What a process that connects needs besides the URL: the password."""
        return {"PGPASSWORD": self.password}

    def create_database(self):
        """A fresh, empty database for one test; returns its name."""
        name = "t_" + uuid.uuid4().hex[:12]
        self.psql(f"CREATE DATABASE {name}", database="postgres")
        return name

    def psql(self, sql, database=DATABASE, password=None):
        """Runs SQL over TCP with the password; the rows unaligned, fields separated by |."""
        env = dict(os.environ, PGPASSWORD=password or self.password, PGCONNECT_TIMEOUT="10")
        done = subprocess.run(
            [os.path.join(self.bin, "psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
             "-p", str(self.port), "-U", USER, "-d", database, "-c", sql],
            env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
        if done.returncode != 0:
            raise PostgresError(f"psql exited with status {done.returncode}: {done.stderr.strip()}")
        return done.stdout

    def server_log(self):
        return self.log.read_text() if self.log.exists() else f"(no server log at {self.log})"

    # Running as the server account

    def _server(self, program, *arguments, check=True):
        command = [os.path.join(self.bin, program), *arguments]
        if os.geteuid() == 0:
            runuser = shutil.which("runuser") or "/usr/sbin/runuser"
            command = [runuser, "-u", SERVER_ACCOUNT, "--", *command]
        done = subprocess.run(command, env=dict(os.environ, LC_ALL="C"), stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, timeout=120)
        if check and done.returncode != 0:
            raise PostgresError(f"{' '.join(command)} exited with status {done.returncode}: "
                                f"{(done.stdout + done.stderr).strip()}\nserver log:\n{self.server_log()}")
        return done

    @staticmethod
    def _hand_to_server_account(paths):
        if os.geteuid() != 0:
            return
        try:
            account = pwd.getpwnam(SERVER_ACCOUNT)
        except KeyError:
            raise PostgresError(
                f"the tests run as root and PostgreSQL refuses root, but there is no '{SERVER_ACCOUNT}' account to run "
                "it as; install Debian's postgresql package (it makes the account) or run the tests as another user")
        for path in paths:
            os.chown(path, account.pw_uid, account.pw_gid)
