"""The throwaway PostgreSQL server the team-mode tests stand on: it must really run PostgreSQL on
loopback with password login, give each test its own database, and survive a stop and a start."""

import pytest

from postgres_cluster import PostgresCluster, PostgresError


def test_the_server_answers_on_loopback_with_its_password(postgres_cluster):
    answer = postgres_cluster.psql("SELECT current_user, current_database(), inet_server_addr(), inet_server_port()")
    assert answer.strip() == f"authdesk|authdesk|127.0.0.1|{postgres_cluster.port}"
    with pytest.raises(PostgresError, match="password authentication failed"):
        postgres_cluster.psql("SELECT 1", password="not-the-password")


def test_each_test_gets_its_own_empty_database(team_journal, postgres_cluster):
    url, environment = team_journal
    database = url.rsplit("/", 1)[1].split("?")[0]
    assert url == f"postgresql://authdesk@127.0.0.1:{postgres_cluster.port}/{database}?sslmode=disable"
    assert environment == {"PGPASSWORD": postgres_cluster.password}
    tables = postgres_cluster.psql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", database=database)
    assert tables.strip() == "0"


def test_a_halted_server_refuses_and_a_resumed_one_keeps_its_data():
    cluster = PostgresCluster().start()
    try:
        cluster.psql("CREATE TABLE kept (n integer); INSERT INTO kept VALUES (7)")
        cluster.halt()
        assert not cluster.is_running()
        with pytest.raises(PostgresError):
            cluster.psql("SELECT 1")
        cluster.resume()
        assert cluster.psql("SELECT n FROM kept").strip() == "7"
    finally:
        cluster.remove()
    assert not cluster.directory.exists()
