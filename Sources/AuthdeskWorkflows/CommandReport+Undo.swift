import AuthdeskCore
import AuthdeskOutput

extension CommandReport {
    /// An undo done: which entry, for whom, what was done.
    public static func undone(_ undo: UndoWorkflow, user: DirectoryUser) -> Report {
        var report = Report(columns: [
            .init("undoOf", "UNDOES"), .init("user", "USER"), .init("action", "ACTION"), .init("result", "RESULT"),
        ])
        report.append([undo.entry.id.map(String.init), user.principalName, undo.entry.action, "undone: " + undo.description])
        return report
    }
}
