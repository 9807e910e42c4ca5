import AuthdeskCore
import AuthdeskServices
import Foundation

/// The plan with each user's exact requests (`reset-mfa --dry-run --show-requests`): in the
/// table under the user's steps, in JSON as each user's `requests` (the fields of a dry run's).
extension PlanReport {
    /// The table's lines of `user`'s requests, when they were asked for.
    func requestLines(of user: UserResetPlan) -> String {
        guard let requests = requests?[user.id] else { return "" }
        guard !requests.isEmpty else { return "  requests: none would be sent\n" }
        var out = "  requests it would send (nothing was sent):\n"
        for (index, request) in requests.enumerated() { out += "    \(index + 1). \(request.line)\n" }
        return out
    }

    /// The JSON of `user`'s requests, when they were asked for.
    func requestsDocument(of user: UserResetPlan) -> [[String: Any]]? {
        requests?[user.id].map { requests in
            requests.enumerated().map { index, request in
                [
                    "step": index + 1, "method": request.method, "url": request.url,
                    "body": request.body.map { $0 as Any } ?? NSNull(),
                ] as [String: Any]
            }
        }
    }
}
