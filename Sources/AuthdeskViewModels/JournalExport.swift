import AuthdeskJournal
import AuthdeskOutput
import AuthdeskWorkflows
import Foundation

/// Writes audit entries as CSV and JSON files (`journal-export-20261126T0930Z.csv` and `.json`),
/// and their evidence pack as Markdown (`.evidence.md`: requests, request ids, verification,
/// methods before and after, chain hashes), readable by their owner only; the console's `e` in
/// the journal screen.
public enum JournalExport {
    /// Why an export could not be written.
    public struct Failure: Error, Sendable {
        public var message: String
    }

    /// Writes `entries` (in the order given) into `directory`; returns the two paths.
    public static func write(_ entries: [AuditEntry], into directory: URL, at date: Date) throws(Failure) -> [String] {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let stem = "journal-export-\(formatter.string(from: date))"
        let report = AuditEntry.report(entries)
        var paths: [String] = []
        for (format, suffix) in [(OutputFormat.csv, "csv"), (.json, "json")] {
            let url = directory.appendingPathComponent("\(stem).\(suffix)")
            let created = FileManager.default.createFile(
                atPath: url.path, contents: Data(report.render(format).utf8), attributes: [.posixPermissions: 0o600])
            guard created else { throw Failure(message: "cannot write \(url.path)") }
            paths.append(url.path)
        }
        let evidence = directory.appendingPathComponent("\(stem).evidence.md")
        let created = FileManager.default.createFile(
            atPath: evidence.path, contents: Data(EvidencePack(entries: entries).render(.markdown).utf8),
            attributes: [.posixPermissions: 0o600])
        guard created else { throw Failure(message: "cannot write \(evidence.path)") }
        paths.append(evidence.path)
        return paths
    }
}
