/// What signing a user out did, request by request: Graph revokes every session at once; Auth0
/// invalidates remembered browsers and deletes sessions only where the plan allows it, so the
/// report says which happened.
public struct SessionRevocation: Sendable, Hashable {
    /// One line per request: `remembered browsers invalidated`, `sessions not deleted: ...`.
    public var steps: [String]

    public init(steps: [String]) {
        self.steps = steps
    }
}
