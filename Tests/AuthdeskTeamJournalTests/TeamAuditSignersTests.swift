import AuthdeskConfig
import AuthdeskCore
import AuthdeskJournal
import AuthdeskJournalTesting
import AuthdeskPostgresTesting
import AuthdeskTeamJournal
import Foundation
import Testing

/// The team journal's signer registry against a real PostgreSQL server: two hosts (two pools, two
/// state folders, so two signing keys) append to one audit log, and each verifies the whole chain,
/// the other host's checkpoints included. The registry is append-only, like the audit log.
@Suite(.serialized) struct TeamAuditSignersTests {
    static func entry(_ user: String, by operatorName: String, at offset: TimeInterval) -> AuditEntry {
        AuditEntry(
            at: JournalFixture.time(offset), operatorName: operatorName, tenant: "contoso", userID: user,
            userName: "Name of \(user)", action: "delete method", target: "Mobile phone +1 2065555555",
            outcome: .succeeded, requestID: "req-\(user)", ticket: "INC-18")
    }

    @Test func twoHostsAppendAndEachVerifiesTheWholeChainWithTwoSigners() async throws {
        try await TwoTeamHosts.withCluster { cluster in
            let url = try TeamJournalURL(cluster.url(), source: "test")
            let one = try await TeamJournalDatabase.open(url, environment: ["PGPASSWORD": cluster.password])
            let two = try await TeamJournalDatabase.open(url, environment: ["PGPASSWORD": cluster.password])
            let (folderA, folderB) = (try JournalFixture(), try JournalFixture())
            defer {
                folderA.remove()
                folderB.remove()
            }
            let a = TeamJournal(database: one, localDirectory: folderA.directory, host: "jump-1")
            let b = TeamJournal(database: two, localDirectory: folderB.directory, host: "jump-2")
            for index in 0..<6 {
                let (journal, name) = index.isMultiple(of: 2) ? (a, "alice") : (b, "bob")
                try await journal.appendAudit(Self.entry("u\(index)", by: name, at: Double(index)))
            }
            for journal in [a, b] {
                let verdict = try await journal.verifyChain()
                #expect(verdict.problem == nil)
                #expect(verdict.intact == 6 && verdict.checkpoints == 6 && verdict.signers == 2)
            }
            let keyA = try #require(try a.signer.publicKey())
            let keyB = try #require(try b.signer.publicKey())
            #expect(keyA.rawRepresentation != keyB.rawRepresentation)
            let registry = try cluster.psql("SELECT key_id || ' ' || host || ' ' || operator_name FROM audit_signer ORDER BY host")
            #expect(registry.contains("\(AuditSigner.keyID(of: keyA)) jump-1 alice"))
            #expect(registry.contains("\(AuditSigner.keyID(of: keyB)) jump-2 bob"))
            // Registered once each, however many checkpoints they signed.
            #expect(try cluster.psql("SELECT count(*) FROM audit_signer").contains("2"))
            #expect(throws: (any Error).self) { try cluster.psql("UPDATE audit_signer SET host = 'elsewhere'") }
            #expect(throws: (any Error).self) { try cluster.psql("DELETE FROM audit_signer") }
            #expect(throws: (any Error).self) { try cluster.psql("TRUNCATE audit_signer") }

            // An intruder with write access who re-points one checkpoint at a key nobody registered.
            try cluster.psql("ALTER TABLE audit_checkpoint DISABLE TRIGGER audit_checkpoint_append_only")
            try cluster.psql("UPDATE audit_checkpoint SET key_id = 'ed25519:00000000000000000000000000000000' WHERE entry_id = 4")
            #expect(try await a.verifyChain().problem == .badSignature(entry: 4))
            // A checkpoint naming no key (as appended before the registry, schema v6) is checked
            // against every registered key: entry 2's is a registered host's, so only entry 4 fails.
            try cluster.psql("UPDATE audit_checkpoint SET key_id = NULL WHERE entry_id = 2")
            #expect(try await b.verifyChain().problem == .badSignature(entry: 4))
            try cluster.psql("UPDATE audit_checkpoint SET key_id = NULL WHERE entry_id = 4")
            #expect(try await b.verifyChain().problem == nil)
            await one.close()
            await two.close()
        }
    }
}
