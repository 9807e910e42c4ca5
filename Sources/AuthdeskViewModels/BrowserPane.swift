/// The two list panes of the browser; `tab` moves between them.
public enum BrowserPane: Sendable, Hashable {
    case users
    case methods
}
