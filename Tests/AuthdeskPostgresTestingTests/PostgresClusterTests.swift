import AuthdeskPostgresTesting
import Foundation
import Testing

/// The throwaway server the team-mode tests stand on: it must really run PostgreSQL, on loopback,
/// with password login, and survive a stop and start (the outage tests do that).
@Suite(.serialized) struct PostgresClusterTests {
    @Test func startsAServerThatAnswersSQLOnLoopbackWithItsPassword() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.remove() }
        #expect(cluster.isRunning)
        let answer = try cluster.psql("SELECT current_user, current_database(), inet_server_addr(), inet_server_port()")
        #expect(answer.trimmingCharacters(in: .whitespacesAndNewlines) == "authdesk|authdesk|127.0.0.1|\(cluster.port)")
        #expect(cluster.url() == "postgresql://authdesk@127.0.0.1:\(cluster.port)/authdesk?sslmode=disable")
    }

    @Test func refusesAWrongPassword() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.remove() }
        #expect(throws: PostgresClusterError.self) { try cluster.psql("SELECT 1", password: "not-the-password") }
        let refusal = (try? cluster.psql("SELECT 1", password: "not-the-password")) == nil
        #expect(refusal)
    }

    @Test func keepsItsDataAcrossAHaltAndAResume() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.remove() }
        try cluster.psql("CREATE TABLE kept (n integer); INSERT INTO kept VALUES (7)")
        try cluster.halt()
        #expect(!cluster.isRunning)
        #expect(throws: PostgresClusterError.self) { try cluster.psql("SELECT 1") }
        try cluster.resume()
        #expect(try cluster.psql("SELECT n FROM kept").trimmingCharacters(in: .whitespacesAndNewlines) == "7")
    }

    @Test func removeStopsTheServerAndDeletesItsFolder() throws {
        let cluster = try PostgresCluster.start()
        cluster.remove()
        #expect(!FileManager.default.fileExists(atPath: cluster.directory.path))
        #expect(throws: PostgresClusterError.self) { try cluster.psql("SELECT 1") }
    }
}
