import Crypto
import Foundation

/// Checks an audit log's hash chain and signed checkpoints, and names the first entry edited,
/// removed, inserted or reordered. Pure: the records come from whichever store holds them.
public struct ChainVerifier: Sendable {
    public var records: [ChainRecord]
    public var checkpoints: [ChainCheckpoint]
    /// Entries with ids up to this predate the chain.
    public var legacyThrough: Int64
    public var migratedAt: Date?
    public var publicKey: Curve25519.Signing.PublicKey?
    /// A journal's signer registry (key id -> public key), where several hosts sign: each
    /// checkpoint is checked against the key its key id names, and ``publicKey`` is not used.
    /// Nil for a journal with one local key (SQLite).
    public var signers: [String: Curve25519.Signing.PublicKey]?

    public init(
        records: [ChainRecord], checkpoints: [ChainCheckpoint], legacyThrough: Int64, migratedAt: Date?,
        publicKey: Curve25519.Signing.PublicKey?, signers: [String: Curve25519.Signing.PublicKey]? = nil
    ) {
        self.records = records
        self.checkpoints = checkpoints
        self.legacyThrough = legacyThrough
        self.migratedAt = migratedAt
        self.publicKey = publicKey
        self.signers = signers
    }

    /// The verdict: the first problem in id order, checkpoints included.
    public func verify() -> ChainVerdict {
        let chained = records.filter { $0.id > legacyThrough }.sorted { $0.id < $1.id }
        func verdict(_ intact: Int, _ problem: ChainVerdict.Problem?) -> ChainVerdict {
            ChainVerdict(
                intact: intact, problem: problem, legacyThrough: legacyThrough, migratedAt: migratedAt,
                checkpoints: checkpoints.count,
                signers: signers.map { _ in Set(checkpoints.compactMap(\.keyID)).count })
        }
        if let problem = signatureProblem() { return verdict(0, problem) }
        let signed = Dictionary(checkpoints.map { ($0.entryID, $0.hash) }, uniquingKeysWith: { first, _ in first })
        let position = Dictionary(chained.enumerated().compactMap { index, record in record.hash.map { ($0, index) } },
                                  uniquingKeysWith: { first, _ in first })
        var expected = AuditChain.genesis
        var previousID = legacyThrough
        for (index, record) in chained.enumerated() {
            // Every entry is checkpointed in the transaction that appends it: one without is not
            // authdesk's.
            if !checkpoints.isEmpty, signed[record.id] == nil {
                return verdict(index, .inserted(entry: record.id))
            }
            if let problem = linkProblem(record, index: index, expected: expected, previousID: previousID, position: position) {
                return verdict(index, problem)
            }
            if let signedHash = signed[record.id], signedHash != record.hash {
                return verdict(index, .edited(entry: record.id))
            }
            expected = record.hash ?? ""
            previousID = record.id
        }
        // Every entry is checkpointed as it is appended: a checkpoint whose entry is gone means the
        // entry was removed; an entry past the last checkpoint was added behind the journal's back.
        let ids = Set(chained.map(\.id))
        if let gone = checkpoints.map(\.entryID).filter({ $0 > legacyThrough && !ids.contains($0) }).min() {
            return verdict(chained.filter { $0.id < gone }.count, .removed(entry: gone))
        }
        if let unsigned = chained.first(where: { signed[$0.id] == nil }) {
            return verdict(chained.filter { $0.id < unsigned.id }.count, .inserted(entry: unsigned.id))
        }
        return verdict(chained.count, nil)
    }

    private func signatureProblem() -> ChainVerdict.Problem? {
        guard !checkpoints.isEmpty else { return nil }
        if signers == nil, publicKey == nil { return .missingKey }
        for checkpoint in checkpoints.sorted(by: { $0.entryID < $1.entryID }) {
            let message = AuditChain.checkpointMessage(entryID: checkpoint.entryID, hash: checkpoint.hash)
            guard let keys = keys(for: checkpoint), keys.contains(where: { AuditSigner.isValid(checkpoint.signature, of: message, by: $0) })
            else { return .badSignature(entry: checkpoint.entryID) }
        }
        return nil
    }

    /// The keys `checkpoint`'s signature may be by: the local key without a registry; with one,
    /// the key its key id names (none when nobody registered it), and for a checkpoint that
    /// names no key (appended before the team journal's registry, schema v6) every registered
    /// key, since its host registered the same key with its first checkpoint after.
    private func keys(for checkpoint: ChainCheckpoint) -> [Curve25519.Signing.PublicKey]? {
        guard let signers else { return publicKey.map { [$0] } }
        guard let keyID = checkpoint.keyID else { return Array(signers.values) }
        return signers[keyID].map { [$0] }
    }

    /// What is wrong with `record`'s place in the chain, if anything.
    private func linkProblem(
        _ record: ChainRecord, index: Int, expected: String, previousID: Int64, position: [String: Int]
    ) -> ChainVerdict.Problem? {
        guard let prevHash = record.prevHash, let hash = record.hash else { return .inserted(entry: record.id) }
        let selfConsistent = AuditChain.hash(previous: prevHash, fields: record.fields) == hash
        if prevHash == expected {
            return selfConsistent ? nil : .edited(entry: record.id)
        }
        guard selfConsistent else { return .inserted(entry: record.id) }
        if let followed = position[prevHash] {
            // It follows an entry placed after it (moved), or one before its predecessor (the
            // predecessor was slipped in between them).
            return followed > index ? .reordered(entry: record.id) : .inserted(entry: chainedID(before: index))
        }
        // It follows an entry that is no longer there.
        return .removed(entry: previousID + 1)
    }

    private func chainedID(before index: Int) -> Int64 {
        let chained = records.filter { $0.id > legacyThrough }.sorted { $0.id < $1.id }
        return chained[index - 1].id
    }
}
