/// How a command prints its results: aligned for people, or CSV, JSON and JSON lines (one
/// object a line, for commands that list or stream) for scripts.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table
    case json
    case csv
    case jsonl

    /// A machine format whose strings keep their exact value (JSON escapes what it must).
    public var isJSON: Bool { self == .json || self == .jsonl }
}
