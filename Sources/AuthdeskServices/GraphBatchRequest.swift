/// One GET of a Graph JSON batch (`POST /$batch`): its id in the batch and its URL relative to
/// the batch's version (`/users/{id}/authentication/methods`).
public struct GraphBatchRequest: Sendable, Hashable {
    public var id: String
    public var url: String
}
