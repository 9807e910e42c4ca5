/// One audit entry as the chain sees it: its id, its hashed fields (as stored), and the two
/// hashes stored with it. What a journal store (SQLite, PostgreSQL) hands to the verifier.
public struct ChainRecord: Sendable, Hashable {
    public var id: Int64
    public var fields: [String?]
    public var prevHash: String?
    public var hash: String?

    public init(id: Int64, fields: [String?], prevHash: String?, hash: String?) {
        self.id = id
        self.fields = fields
        self.prevHash = prevHash
        self.hash = hash
    }
}

/// A signed checkpoint: the hash the chain had at an entry, signed with the journal's key.
public struct ChainCheckpoint: Sendable, Hashable {
    public var entryID: Int64
    public var hash: String
    /// Ed25519 signature (base64) of ``AuditChain/checkpointMessage(entryID:hash:)``.
    public var signature: String
    /// The signer's key id (``AuditSigner/keyID(of:)``) in a journal with a signer registry;
    /// nil in the SQLite journal, whose checkpoints are all signed by its one local key.
    public var keyID: String?

    public init(entryID: Int64, hash: String, signature: String, keyID: String? = nil) {
        self.entryID = entryID
        self.hash = hash
        self.signature = signature
        self.keyID = keyID
    }
}
