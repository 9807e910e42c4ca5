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


@pytest.fixture(scope="session")
def postgres_cluster():
    """One throwaway PostgreSQL server for the session's team-mode tests (see postgres_cluster.py)."""
    from postgres_cluster import PostgresCluster

    cluster = PostgresCluster().start()
    yield cluster
    cluster.remove()


@pytest.fixture
def team_journal(postgres_cluster):
    """A fresh, empty database on the session's server: (URL, environment with PGPASSWORD)."""
    name = postgres_cluster.create_database()
    return postgres_cluster.url(name), postgres_cluster.environment()
