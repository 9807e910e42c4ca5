import AuthdeskJournal
import AuthdeskOutput
import Foundation

/// Evidence a ticket can carry (`authdesk journal export`): for each journalled change the
/// operator, tenant, user, when, how the caller was verified, the exact requests with their
/// request ids, the user's methods before and after (what was removed and added), the chain
/// hashes, and the activity to look for in the service's own audit log. No secrets: none are
/// ever journalled.
public struct EvidencePack: Sendable {
    public var entries: [AuditEntry]

    public init(entries: [AuditEntry]) {
        self.entries = entries
    }

    /// The formats an export is written in.
    public enum Format: String, Sendable, CaseIterable {
        case json, csv, markdown
    }

    /// The pack as text in `format`.
    public func render(_ format: Format) -> String {
        switch format {
        case .json: report.render(.json)
        case .csv: report.render(.csv)
        case .markdown: markdown()
        }
    }

    /// One row per change.
    public var report: Report {
        var report = Report(columns: [
            .init("entry", "Entry"), .init("at", "When (UTC)"), .init("operator", "Operator"), .init("tenant", "Tenant"),
            .init("user", "User"), .init("userName", "Name"), .init("action", "Action"), .init("target", "Target"),
            .init("outcome", "Outcome"), .init("detail", "Detail"), .init("verification", "Verification"),
            .init("ticket", "Ticket"), .init("job", "Job"), .init("requests", "Requests"), .init("requestIds", "Request ids"),
            .init("methodsBefore", "Methods before"), .init("methodsAfter", "Methods after"), .init("removed", "Removed"),
            .init("added", "Added"), .init("undoOf", "Undoes"), .init("entraActivity", "Service audit activity"),
            .init("prevHash", "Previous hash"), .init("hash", "Hash"),
        ])
        for entry in entries {
            let requests = entry.sentRequests
            report.append([
                entry.id.map(String.init), Self.time(entry.at), entry.operatorName, entry.tenant, entry.userID,
                entry.userName, entry.action, entry.target, entry.outcome.rawValue, entry.detail, entry.verification,
                entry.ticket, entry.jobID?.rawValue,
                requests.isEmpty ? nil : requests.map { "\($0.method) \($0.url)" + ($0.body.map { " \($0)" } ?? "") }.joined(separator: "\n"),
                Self.joined(requests.compactMap(\.requestID) + (requests.isEmpty ? [entry.requestID].compactMap { $0 } : [])),
                entry.before.map(Self.methods), entry.after.map(Self.methods),
                Self.difference(entry.before, minus: entry.after), Self.difference(entry.after, minus: entry.before),
                entry.undoOf.map(String.init), EntraActivity.name(of: entry), entry.prevHash, entry.hash,
            ])
        }
        return report
    }

    /// A Markdown document: a heading per change, its facts as a list, requests as code.
    func markdown() -> String {
        var text = "# authdesk evidence\n\n\(entries.count) change\(entries.count == 1 ? "" : "s") from the audit journal.\n"
        let report = report
        for row in report.rows {
            let value = Dictionary(uniqueKeysWithValues: zip(report.columns.map(\.key), row))
            text += "\n## Entry \(value["entry"].flatMap { $0 } ?? "?"): \(value["action"].flatMap { $0 } ?? "")\n\n"
            for column in report.columns where !["entry", "requests"].contains(column.key) {
                guard let cell = value[column.key].flatMap({ $0 }), !cell.isEmpty else { continue }
                text += "- **\(column.title)**: \(Self.inline(cell))\n"
            }
            if let requests = value["requests"].flatMap({ $0 }) {
                text += "\nRequests:\n\n```\n\(requests.replacingOccurrences(of: "```", with: "'''"))\n```\n"
            }
        }
        return text
    }

    static func time(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    static func methods(_ methods: [MethodSnapshot]) -> String {
        methods.isEmpty ? "(none)" : methods.map(describe).joined(separator: "; ")
    }

    static func describe(_ method: MethodSnapshot) -> String {
        method.summary.isEmpty ? "\(method.title) (\(method.id))" : "\(method.title) \(method.summary) (\(method.id))"
    }

    /// The methods in `first` that are not (with the same detail) in `second`.
    static func difference(_ first: [MethodSnapshot]?, minus second: [MethodSnapshot]?) -> String? {
        guard let first, let second else { return nil }
        let gone = first.filter { method in !second.contains { $0.id == method.id && $0.value == method.value } }
        return gone.isEmpty ? nil : gone.map(describe).joined(separator: "; ")
    }

    static func joined(_ items: [String]) -> String? {
        items.isEmpty ? nil : items.joined(separator: " ")
    }

    /// A cell on one Markdown line: line breaks as `; `, markup characters escaped.
    static func inline(_ text: String) -> String {
        var out = text.replacingOccurrences(of: "\n", with: "; ")
        for character in ["\\", "`", "*", "_", "[", "]", "<", ">", "|"] {
            out = out.replacingOccurrences(of: character, with: "\\" + character)
        }
        return out
    }
}
