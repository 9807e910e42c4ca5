/// How the bulk engine sends a user's steps: chained in one round trip where the service
/// allows it (Graph's `$batch` with `dependsOn`; each inner answer journalled as its own step),
/// or one request a step. Both were measured (README, "Benchmarks"): chained is faster, but one
/// request a step stays the default until a dropped connection under a `$batch` POST no longer
/// stalls the run for the request time-out (60 s; README).
public enum ResetWrites: String, Sendable, CaseIterable {
    case chained
    case perStep = "steps"

    /// The default: one request a step.
    public static let standard = ResetWrites.perStep

    /// `AUTHDESK_RESET_WRITES` (`chained` or `steps`) when set, else ``standard``; a value
    /// that is neither is refused with what is valid.
    public static func fromEnvironment(_ environment: [String: String]) throws(BulkResetError) -> ResetWrites {
        guard let raw = environment["AUTHDESK_RESET_WRITES"], !raw.isEmpty else { return standard }
        guard let writes = ResetWrites(rawValue: raw.lowercased()) else { throw .invalidWrites(raw) }
        return writes
    }
}
