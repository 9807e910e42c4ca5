import AuthdeskCore

/// One user of the bulk plan with the requests the job would send for them (`r` on the plan):
/// being built, built, or why not. Nothing is sent to show them.
public struct BulkUserRequests: Sendable, Equatable {
    public var user: UserResetPlan
    public var preview: RequestsPreview

    public init(user: UserResetPlan, preview: RequestsPreview = .building) {
        self.user = user
        self.preview = preview
    }

    /// The user's ``UserResetPlan/id``.
    public var id: String { user.id }
}
