import AuthdeskCore
import AuthdeskOutput

/// What the `methods` write commands print: the methods they changed, and what happened to each.
public enum MethodChangeReport {
    public static func of(_ changes: [(method: AuthMethod, result: String)]) -> Report {
        var report = Report(columns: [
            .init("id", "ID"), .init("kind", "KIND"), .init("title", "METHOD"), .init("summary", "DETAIL"),
            .init("result", "RESULT"),
        ])
        for (method, result) in changes {
            report.append([method.id, method.kind.rawValue, method.title, method.summary, result])
        }
        return report
    }
}
