import Foundation

/// ISO 8601 times as Graph writes them (`2024-01-18T16:37:10Z`).
enum Timestamps {
    static func iso(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    /// Parses `2024-01-18T16:37:10Z` (with or without fractional seconds).
    static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle()) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
