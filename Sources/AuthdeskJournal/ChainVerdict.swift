import Foundation

/// What `journal verify` found: how many chained entries are intact, the first tampering (if
/// any), and how many entries predate the chain (journalled before the migration that started it).
public struct ChainVerdict: Sendable, Hashable {
    /// The kinds of tampering the chain tells apart.
    public enum Problem: Sendable, Hashable, CustomStringConvertible {
        case edited(entry: Int64)
        case removed(entry: Int64)
        case inserted(entry: Int64)
        case reordered(entry: Int64)
        case badSignature(entry: Int64)
        case missingKey

        public var description: String {
            switch self {
            case .edited(let id): "entry \(id) was edited (its hash no longer matches its content or its signed checkpoint)"
            case .removed(let id): "entry \(id) was removed (the chain skips from the entry before it to the one after)"
            case .inserted(let id): "entry \(id) was inserted (it is not part of the chain, or not covered by a signed checkpoint)"
            case .reordered(let id): "entry \(id) was reordered (it follows an entry that comes after it)"
            case .badSignature(let id): "the checkpoint at entry \(id) has no valid signature by the journal's key (or by a registered signer's)"
            case .missingKey: "the journal has signed checkpoints but its signing key (audit-signing.key) is missing"
            }
        }

        /// The entry named, if any.
        public var entry: Int64? {
            switch self {
            case .edited(let id), .removed(let id), .inserted(let id), .reordered(let id), .badSignature(let id): id
            case .missingKey: nil
            }
        }
    }

    /// Chained entries found intact (all of them when ``problem`` is nil; those before it otherwise).
    public var intact: Int
    public var problem: Problem?
    /// Entries journalled before the chain started (ids 1 through this), not covered by it.
    public var legacyThrough: Int64
    /// When the journal was migrated to the chain.
    public var migratedAt: Date?
    /// Signed checkpoints checked.
    public var checkpoints: Int
    /// In a journal with a signer registry (the team journal), how many keys (hosts) signed the
    /// checkpoints checked; nil in the SQLite journal, signed by its one local key.
    public var signers: Int?

    public init(
        intact: Int, problem: Problem?, legacyThrough: Int64, migratedAt: Date?, checkpoints: Int, signers: Int? = nil
    ) {
        self.intact = intact
        self.problem = problem
        self.legacyThrough = legacyThrough
        self.migratedAt = migratedAt
        self.checkpoints = checkpoints
        self.signers = signers
    }

    public var isIntact: Bool { problem == nil }
}
