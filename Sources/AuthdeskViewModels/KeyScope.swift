/// Where a key binding applies: everywhere, in a list pane, in a text field or in the help screen.
///
/// The browser looks a key up in the innermost active scope first (help, then the text field,
/// then the focused pane, then any list, then global), as k9s and lazygit do.
public enum KeyScope: String, Sendable, Hashable, CaseIterable {
    case global
    case list
    case users
    case methods
    case dialog
    case result
    case search
    case command
    case help
    case tenantPicker

    /// The heading of this scope's section in the help screen.
    public var title: String {
        switch self {
        case .global: "Global"
        case .list: "Lists (arrows work while searching)"
        case .users: "Users pane"
        case .methods: "Methods pane"
        case .dialog: "Dialogs"
        case .result: "A new pass or password"
        case .search: "Search line"
        case .command: "Command line"
        case .help: "Help"
        case .tenantPicker: "Tenant picker"
        }
    }
}
