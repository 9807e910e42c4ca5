import AuthdeskOutput
import AuthdeskServices

/// What a dry run prints: the write requests that would have been sent, in order (method, URL,
/// body with secrets masked), and nothing else: the dry run sent none of them.
public enum DryRunReport {
    public static func report(_ requests: [PlannedRequest]) -> Report {
        var report = Report(columns: [
            .init("step", "#"), .init("method", "METHOD"), .init("url", "URL"), .init("body", "BODY"),
        ])
        for (index, request) in requests.enumerated() {
            report.append([String(index + 1), request.method, request.url, request.body])
        }
        return report
    }

    /// The line on standard error that says nothing was sent.
    public static func notice(_ requests: [PlannedRequest]) -> String {
        let count = requests.count
        return "authdesk: dry run: \(count) request\(count == 1 ? "" : "s") would be sent; nothing was sent"
    }
}
