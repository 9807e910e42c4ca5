import AuthdeskJournal

/// The bulk screen's trust steps as a value (``BulkScreenState/trust``): which tenants require
/// caller verification, the confirmation's answer and whether it (not the phrase) takes the
/// keys, and the requests of one user of the plan (`r`), shown instead of the plan.
public struct BulkTrustSteps: Sendable, Equatable {
    public var verifyingTenants: Set<String> = []
    public var callerVerification = VerificationInput()
    public var verificationFocused = false
    public var userRequests: BulkUserRequests?
    /// The job of `:jobs` the operator is asked to approve (enter approves, esc does not).
    public var approving: JobListing?

    public init() {}
}
