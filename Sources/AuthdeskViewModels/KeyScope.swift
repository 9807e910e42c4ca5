/// Where a key binding applies: everywhere, in a list pane, in a text field, in the help screen,
/// or in one phase of the bulk reset screen.
///
/// The browser looks a key up in the innermost active scope first (help, then the text field,
/// then the focused pane, then any list, then global), as k9s and lazygit do; the bulk screen
/// looks it up in its phase's scope.
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
    case bulkPolicy
    case bulkPlanning
    case bulkPlan
    case bulkConfirm
    case bulkRunning
    case bulkSummary
    case bulkJobs
    case journal
    case journalFilter
    case ticketPrompt
    case journalUndo

    /// The browser's scopes, in the order its help lists them.
    public static let browser: [KeyScope] = [
        .global, .list, .users, .methods, .dialog, .result, .search, .command, .help, .tenantPicker,
    ]

    /// The bulk reset screen's scopes (one per phase), in the order its help lists them.
    public static let bulk: [KeyScope] = [
        .bulkPolicy, .bulkPlanning, .bulkPlan, .bulkConfirm, .bulkRunning, .bulkSummary, .bulkJobs,
    ]

    /// The other screens' scopes after the browser's, in the order help lists them: the bulk
    /// reset screen's phases, the journal screen and its filter, the ticket question.
    public static let screens: [KeyScope] = bulk + [.journal, .journalFilter, .ticketPrompt, .journalUndo]

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
        case .bulkPolicy: "Bulk reset: policy"
        case .bulkPlanning: "Bulk reset: reading the methods"
        case .bulkPlan: "Bulk reset: the plan"
        case .bulkConfirm: "Bulk reset: the confirmation"
        case .bulkRunning: "Bulk reset: a running job"
        case .bulkSummary: "Bulk reset: the summary"
        case .bulkJobs: "Bulk reset: the jobs (:jobs)"
        case .journal: "The journal (:journal)"
        case .journalFilter: "The journal's filter"
        case .ticketPrompt: "The ticket question"
        case .journalUndo: "The journal: an undo asked"
        }
    }
}
