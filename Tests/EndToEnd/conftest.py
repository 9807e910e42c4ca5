import sys
import pathlib

sys.path.insert(0, str(pathlib.Path(__file__).parent))

import pytest  # noqa: E402

from terminal import Terminal  # noqa: E402


@pytest.fixture
def console():
    """Starts authdesk consoles in pseudo-terminals; closes them after the test."""
    terminals = []

    def start(*args, **kwargs):
        term = Terminal(args, **kwargs)
        terminals.append(term)
        return term

    yield start
    for term in terminals:
        term.close()
