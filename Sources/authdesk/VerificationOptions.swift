import ArgumentParser
import AuthdeskCore
import AuthdeskWorkflows

/// `--verified-by` and `--verification-note`: how the caller's identity was checked, taken by
/// every change command (through ``TrustOptions``) and by `reset-mfa`.
struct VerificationOptions: ParsableArguments {
    @Option(
        name: .customLong("verified-by"),
        help: ArgumentHelp(
            "How the caller's identity was checked: \(CallerVerification.Method.names) (required when the profile sets require_caller_verification).",
            valueName: "HOW"))
    var verifiedBy: String?

    @Option(name: .customLong("verification-note"), help: ArgumentHelp("A note on the verification (one line).", valueName: "TEXT"))
    var verificationNote: String?

    /// The verification given, checked; nil when none was.
    func parsed() throws -> CallerVerification? {
        if let verifiedBy { return try CallerVerification(parsing: verifiedBy, note: verificationNote) }
        if verificationNote != nil {
            throw UsageError("--verification-note goes with --verified-by \(CallerVerification.Method.names)")
        }
        return nil
    }
}
