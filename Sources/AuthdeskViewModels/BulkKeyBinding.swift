/// One row of the bulk screen's key table: a key, the phases it works in, its action and what
/// it does (for the hint line and the README's key list).
public struct BulkKeyBinding: Sendable, Hashable {
    public var key: Key
    public var action: BulkAction
    public var phases: Set<BulkPhase>
    public var description: String
    public var isHint: Bool

    public init(_ key: Key, _ action: BulkAction, in phases: Set<BulkPhase>, _ description: String, isHint: Bool = false) {
        self.key = key
        self.action = action
        self.phases = phases
        self.description = description
        self.isHint = isHint
    }
}
