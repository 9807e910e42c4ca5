/// How a command prints its results: aligned for people, or CSV, JSON and JSON lines for
/// scripts; JSON lines (one object a line) where results are listed or stream, as `reset-mfa`
/// writes each user's as it ends.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table
    case json
    case csv
    case jsonl
}
