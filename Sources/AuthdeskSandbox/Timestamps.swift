import Foundation

/// ISO 8601 times as Graph writes them (`2024-01-18T16:37:10Z`).
enum Timestamps {
    static func iso(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    /// `20YY-MM-DDThh:mm:ssZ` from two-digit parts, for generated users (built by hand: the
    /// sandbox makes a few thousand of them while the console starts, and `String(format:)`
    /// was a sixth of that).
    static func wire(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "20\(two(year))-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):\(two(second))Z"
    }

    /// Parses `2024-01-18T16:37:10Z` (with or without fractional seconds).
    static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle()) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
