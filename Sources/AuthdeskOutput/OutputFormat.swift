/// How a command prints its results: aligned for people, or CSV and JSON for scripts; JSON
/// lines (one object a line) where results stream, as `reset-mfa` writes each user's as it ends.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table
    case json
    case csv
    case jsonl
}
