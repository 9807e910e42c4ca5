"""Drive the real authdesk binary in a pseudo-terminal and read its screen through pyte."""
import os
import pathlib
import tempfile
import time

import pexpect
import pyte

ROOT = pathlib.Path(__file__).resolve().parents[2]
# AUTHDESK_BINARY: a copy of the binary to test (with its resource bundle beside it), so that a
# build can go on while a long run of the suite uses the copy.
BINARY = pathlib.Path(os.environ.get("AUTHDESK_BINARY", ROOT / ".build" / "debug" / "authdesk"))

# Keys by the name the console's key table gives them (application-mode cursor keys: keypad on).
KEYS = {
    "up": "\x1bOA", "down": "\x1bOB", "right": "\x1bOC", "left": "\x1bOD",
    "pgup": "\x1b[5~", "pgdn": "\x1b[6~", "enter": "\r", "esc": "\x1b", "tab": "\t",
    "backspace": "\x7f",
}


class RepScreen(pyte.Screen):
    """pyte's screen plus what xterm-256color's terminfo offers and ncurses uses when a dialog
    opens or closes, and pyte lacks: REP (`CSI n b`, repeat the last character) and SU/SD
    (`CSI n S`, `CSI n T`, scroll the region up or down). Without them pyte, not the terminal,
    would keep a closed dialog's text on the screen."""

    last = " "

    def draw(self, data):
        if data:
            self.last = data[-1]
        super().draw(data)

    def repeat_last(self, count=1, *args, **kwargs):
        super().draw(self.last * max(1, count or 1))

    def _region(self):
        if self.margins:
            return self.margins.top, self.margins.bottom
        return 0, self.lines - 1

    def scroll_up(self, count=1, *args, **kwargs):
        x, y = self.cursor.x, self.cursor.y
        top, bottom = self._region()
        self.cursor.y = bottom
        for _ in range(max(1, count or 1)):
            self.index()
        self.cursor.x, self.cursor.y = x, y

    def scroll_down(self, count=1, *args, **kwargs):
        x, y = self.cursor.x, self.cursor.y
        top, bottom = self._region()
        self.cursor.y = top
        for _ in range(max(1, count or 1)):
            self.reverse_index()
        self.cursor.x, self.cursor.y = x, y


class RepStream(pyte.ByteStream):
    csi = dict(pyte.ByteStream.csi, b="repeat_last", S="scroll_up", T="scroll_down")


class Terminal:
    """A running authdesk in a pty of a given size, with its screen emulated by pyte."""

    def __init__(self, args=(), rows=24, cols=80, env=None, home=None):
        self.home = home or tempfile.mkdtemp(prefix="authdesk-e2e-")
        base = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": self.home,
            "XDG_CONFIG_HOME": os.path.join(self.home, "config"),
            "XDG_STATE_HOME": os.path.join(self.home, "state"),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TERM": "xterm-256color",
            "TZ": "UTC",
            "ESCDELAY": "25",
            "NCURSES_NO_UTF8_ACS": "1",
        }
        base.update(env or {})
        self.screen = RepScreen(cols, rows)
        self.stream = RepStream(self.screen)
        self.raw = bytearray()
        self.child = pexpect.spawn(
            str(BINARY), list(args), env=base, dimensions=(rows, cols), timeout=10)

    def pump(self, timeout=0.05):
        """Feed whatever the program wrote into the emulated screen; False once it has exited."""
        return self._read(timeout) is not None

    def _read(self, timeout):
        """Reads one chunk into the screen: the bytes, b"" when nothing came, None at EOF."""
        try:
            data = self.child.read_nonblocking(65536, timeout=timeout)
        except pexpect.TIMEOUT:
            return b""
        except (pexpect.EOF, OSError):
            return None
        self.raw += data
        self.stream.feed(data)
        return data

    def text(self):
        return "\n".join(line.rstrip() for line in self.screen.display)

    def wait_for(self, needle, timeout=15.0, settle=0.15):
        """Waits until `needle` is on the screen (or a predicate on the text holds) and the
        program has written nothing more for `settle` seconds: a frame is read whole, never
        half-drawn. A screen that redraws all the time (a run in progress) never goes quiet:
        `settle=0` returns as soon as `needle` holds, for predicates that read only what a
        partial redraw cannot tear (a counter, a message)."""
        deadline = time.monotonic() + timeout
        check = needle if callable(needle) else (lambda text: needle in text)
        while time.monotonic() < deadline:
            if check(self.text()):
                if settle <= 0:
                    return self.text()
                data = self._read(settle)
                if data == b"" or data is None:
                    if check(self.text()):
                        return self.text()
                if data is None:
                    break
                continue
            if self._read(0.05) is None:
                break
        if check(self.text()):
            return self.text()
        raise AssertionError(f"timed out waiting for {needle!r}; screen:\n{self.text()}")

    def press(self, *keys):
        for key in keys:
            self.child.send(KEYS.get(key, key))

    def type(self, text):
        self.child.send(text)

    def resize(self, rows, cols):
        self.screen.resize(rows, cols)
        self.child.setwinsize(rows, cols)

    def wait_exit(self, timeout=10.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.pump(0.05):
            pass
        self.child.close()
        return self.child.exitstatus, self.child.signalstatus

    def close(self):
        if self.child.isalive():
            self.child.terminate(force=True)
