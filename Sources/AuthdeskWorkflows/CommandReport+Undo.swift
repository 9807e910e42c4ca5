import AuthdeskCore
import AuthdeskOutput

extension CommandReport {
    /// An undo done: which entry, for whom, what was done.
    public static func undone(_ undo: UndoWorkflow, user: DirectoryUser) -> Report {
        var report = Report(columns: [
            .init("undoOf", "UNDOES"), .init("user", "USER"), .init("action", "ACTION"), .init("result", "RESULT"),
        ])
        report.append(cells: [
            .number(undo.entry.id.map(Int.init)), .string(user.principalName), .string(undo.entry.action),
            .string("undone: " + undo.description),
        ])
        return report
    }
}
