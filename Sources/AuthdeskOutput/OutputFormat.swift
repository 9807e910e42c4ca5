/// How a command prints its results: aligned for people, or CSV and JSON for scripts.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table
    case json
    case csv
}
