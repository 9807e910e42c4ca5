/// How the bulk engine sends a user's steps: chained in one round trip where the service
/// allows it (Graph's `$batch` with `dependsOn`; each inner answer journalled as its own step),
/// or one request a step. Both were measured (README, "Bulk reset through the command"):
/// chained is faster, and the default since a dropped `$batch` POST no longer waits for the
/// request time-out; `AUTHDESK_RESET_WRITES=steps` sends one request a step.
public enum ResetWrites: String, Sendable, CaseIterable {
    case chained
    case perStep = "steps"

    /// The default: chained.
    public static let standard = ResetWrites.chained

    /// `AUTHDESK_RESET_WRITES` (`chained` or `steps`) when set, else ``standard``; a value
    /// that is neither is refused with what is valid.
    public static func fromEnvironment(_ environment: [String: String]) throws(BulkResetError) -> ResetWrites {
        guard let raw = environment["AUTHDESK_RESET_WRITES"], !raw.isEmpty else { return standard }
        guard let writes = ResetWrites(rawValue: raw.lowercased()) else { throw .invalidWrites(raw) }
        return writes
    }
}
