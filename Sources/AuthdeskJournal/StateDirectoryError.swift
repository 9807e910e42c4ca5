/// Why the state directory could not be found or made, and what would fix it.
public enum StateDirectoryError: Error, Sendable, Hashable, CustomStringConvertible {
    case relativePath(variable: String, value: String)
    case noHome
    case cannotCreate(path: String, reason: String)

    public var description: String {
        switch self {
        case .relativePath(let variable, let value):
            "\(variable) is '\(value)', a relative path; give an absolute path (or one starting with ~/)"
        case .noHome:
            "cannot find the state directory: set AUTHDESK_STATE_DIR, XDG_STATE_HOME or HOME to an absolute path"
        case .cannotCreate(let path, let reason):
            "cannot create the state directory \(path): \(reason)"
        }
    }
}
