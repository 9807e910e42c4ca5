/// The one-line text fields of the browser: the search line (`/`) and the command line (`:`).
public enum TextInput: Sendable, Hashable {
    case search
    case command
}
