import AuthdeskText
import Foundation

/// One typed cell of a ``Report``: JSON prints it as its JSON type (a time as ISO 8601 UTC with
/// `Z`), CSV as text (the same times), a table for people (a time in the local zone, a boolean as
/// yes / no), every string shown through ``TerminalText``.
public enum ReportValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case date(Date)
    case strings([String])
    case null

    /// A string, or null for nil.
    public static func text(_ value: String?) -> ReportValue { value.map(ReportValue.string) ?? .null }
    /// A number, or null for nil.
    public static func number(_ value: Int?) -> ReportValue { value.map(ReportValue.int) ?? .null }
    /// A boolean, or null for nil.
    public static func flag(_ value: Bool?) -> ReportValue { value.map(ReportValue.bool) ?? .null }
    /// A time, or null for nil.
    public static func time(_ value: Date?) -> ReportValue { value.map(ReportValue.date) ?? .null }

    /// `2026-12-02T19:08:39Z`: how JSON and CSV write a time.
    public static func iso8601(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false)
            .timeSeparator(.colon).timeZone(separator: .omitted))
    }

    /// `2026-12-02 20:08:39 CET`: how a table shows a time, in the local zone.
    public static func readable(_ date: Date, in zone: TimeZone = .current) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        let utc = ["UTC", "Etc/UTC", "GMT", "Etc/GMT", "Universal", "Zulu"].contains(zone.identifier)
        return formatter.string(from: date) + " " + (utc ? "UTC" : zone.abbreviation(for: date) ?? zone.identifier)
    }

    /// The value as text, nil for null: times, booleans and lists written as asked.
    func text(time: (Date) -> String, flag: (Bool) -> String, separator: String) -> String? {
        switch self {
        case .string(let text): text
        case .int(let number): String(number)
        case .bool(let value): flag(value)
        case .date(let date): time(date)
        case .strings(let list): list.joined(separator: separator)
        case .null: nil
        }
    }

    /// The value as the text of the table's cell: escaped, a time local, nil for null.
    var tableText: String? {
        text(time: { Self.readable($0) }, flag: { $0 ? "yes" : "no" }, separator: ", ").map { TerminalText.visible($0) }
    }

    /// Whether a CSV cell of this value is guarded against formulas (text is; numbers, booleans
    /// and times are data a spreadsheet reads as such).
    var isText: Bool {
        switch self {
        case .string, .strings: true
        case .int, .bool, .date, .null: false
        }
    }

    /// The value as a CSV cell's text (before quoting and the formula guard), nil for null.
    var csvText: String? {
        text(time: Self.iso8601, flag: { $0 ? "true" : "false" }, separator: ";").map { TerminalText.visible($0) }
    }

    /// The value as a `String?` cell: the text API of ``Report/rows``.
    var plainText: String? {
        text(time: Self.iso8601, flag: { $0 ? "yes" : "no" }, separator: ", ")
    }
}

extension ReportValue: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .int(let number): try container.encode(number)
        case .bool(let flag): try container.encode(flag)
        case .date(let date): try container.encode(Self.iso8601(date))
        case .strings(let list): try container.encode(list)
        case .null: try container.encodeNil()
        }
    }
}

extension ReportValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension ReportValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension ReportValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
