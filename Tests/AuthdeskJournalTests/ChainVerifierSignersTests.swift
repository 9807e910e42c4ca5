import Crypto
import Foundation
import Testing
@testable import AuthdeskJournal

/// ChainVerifier with a signer registry (the team journal): each checkpoint is checked against the
/// key its key id names, so checkpoints signed by two hosts verify on either; a checkpoint signed
/// by a key nobody registered is a bad signature naming its entry; one naming no key (appended
/// before the registry) is checked against every registered key.
struct ChainVerifierSignersTests {
    /// A chain of `count` entries, each checkpoint signed by the key of `signer(index)`.
    static func chain(
        _ count: Int, signedBy signer: (Int) -> Curve25519.Signing.PrivateKey
    ) throws -> ([ChainRecord], [ChainCheckpoint]) {
        var records: [ChainRecord] = []
        var checkpoints: [ChainCheckpoint] = []
        var previous = AuditChain.genesis
        for index in 1...count {
            let fields: [String?] = ["2026-12-03 22:0\(index):00.000", "operator\(index)", "contoso", "u\(index)", "delete method"]
            let hash = AuditChain.hash(previous: previous, fields: fields)
            records.append(ChainRecord(id: Int64(index), fields: fields, prevHash: previous, hash: hash))
            let key = signer(index)
            let message = AuditChain.checkpointMessage(entryID: Int64(index), hash: hash)
            checkpoints.append(ChainCheckpoint(
                entryID: Int64(index), hash: hash, signature: try key.signature(for: message).base64EncodedString(),
                keyID: AuditSigner.keyID(of: key.publicKey)))
            previous = hash
        }
        return (records, checkpoints)
    }

    static func verifier(
        _ records: [ChainRecord], _ checkpoints: [ChainCheckpoint], registry: [Curve25519.Signing.PrivateKey],
        localKey: Curve25519.Signing.PublicKey? = nil
    ) -> ChainVerifier {
        ChainVerifier(
            records: records, checkpoints: checkpoints, legacyThrough: 0, migratedAt: nil, publicKey: localKey,
            signers: Dictionary(uniqueKeysWithValues: registry.map { (AuditSigner.keyID(of: $0.publicKey), $0.publicKey) }))
    }

    let hostA = Curve25519.Signing.PrivateKey()
    let hostB = Curve25519.Signing.PrivateKey()

    @Test func checkpointsSignedByTwoRegisteredHostsVerifyOnEitherHost() throws {
        let (records, checkpoints) = try Self.chain(6) { $0.isMultiple(of: 2) ? hostB : hostA }
        for local in [hostA.publicKey, hostB.publicKey] {
            let verdict = Self.verifier(records, checkpoints, registry: [hostA, hostB], localKey: local).verify()
            #expect(verdict.problem == nil)
            #expect(verdict.intact == 6 && verdict.checkpoints == 6 && verdict.signers == 2)
        }
        // One local key (the SQLite path) rejects the other host's checkpoints: why the registry exists.
        let single = ChainVerifier(
            records: records, checkpoints: checkpoints, legacyThrough: 0, migratedAt: nil, publicKey: hostA.publicKey)
        #expect(single.verify().problem == .badSignature(entry: 2))
        #expect(single.verify().signers == nil)
    }

    @Test func aCheckpointResignedByAnUnregisteredKeyIsNamed() throws {
        let (records, original) = try Self.chain(4) { _ in hostA }
        let intruder = Curve25519.Signing.PrivateKey()
        var checkpoints = original
        let message = AuditChain.checkpointMessage(entryID: 3, hash: checkpoints[2].hash)
        checkpoints[2].signature = try intruder.signature(for: message).base64EncodedString()
        checkpoints[2].keyID = AuditSigner.keyID(of: intruder.publicKey)
        #expect(Self.verifier(records, checkpoints, registry: [hostA, hostB]).verify().problem == .badSignature(entry: 3))
        // Naming a registered key does not help: the signature is not that key's.
        checkpoints[2].keyID = AuditSigner.keyID(of: hostB.publicKey)
        #expect(Self.verifier(records, checkpoints, registry: [hostA, hostB]).verify().problem == .badSignature(entry: 3))
    }

    @Test func aCheckpointWithoutAKeyIDIsCheckedAgainstTheRegisteredKeys() throws {
        // Appended before the registry (team schema v6) by host A, which registered its key later.
        let (records, original) = try Self.chain(3) { $0 == 3 ? hostB : hostA }
        var checkpoints = original
        checkpoints[0].keyID = nil
        checkpoints[1].keyID = nil
        let verdict = Self.verifier(records, checkpoints, registry: [hostB, hostA]).verify()
        #expect(verdict.problem == nil)
        #expect(verdict.intact == 3)
        // Until host A's key is registered, nothing vouches for them.
        let unregistered = Self.verifier(records, checkpoints, registry: [hostB], localKey: hostA.publicKey).verify()
        #expect(unregistered.problem == .badSignature(entry: 1))
        #expect(unregistered.problem?.description.contains("entry 1") == true)
    }

    @Test func keyIDsAreStableFingerprintsThatTellKeysApart() throws {
        let id = AuditSigner.keyID(of: hostA.publicKey)
        #expect(id == AuditSigner.keyID(of: try Curve25519.Signing.PublicKey(rawRepresentation: hostA.publicKey.rawRepresentation)))
        #expect(id != AuditSigner.keyID(of: hostB.publicKey))
        #expect(id.hasPrefix("ed25519:") && id.count == "ed25519:".count + 32)
    }
}
