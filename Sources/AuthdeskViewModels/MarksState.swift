import AuthdeskServices

/// The users marked for a bulk action (in every tenant), and `*` marking every result while it
/// loads the remaining pages.
public struct MarksState: Sendable, Equatable {
    /// The marked users (see ``Marks``).
    public var marks = Marks()
    /// `*` is loading the remaining pages before marking every result.
    public var markingAll = false
    /// The search whose results `*` is marking.
    var generation = 0

    /// The most users `*` marks at once: it loads pages until it has this many, then stops.
    public static let cap = 2000

    /// The marking keys of the users pane, and `R`, the bulk reset of the marked users.
    static let bindings: [KeyBinding] = [
            KeyBinding(.character(" "), .toggleMark, scope: .users, "mark or unmark the user, move down", isHint: true, hint: "mark"),
            KeyBinding(.character("*"), .markAll, scope: .users, "mark every search result (all pages)"),
            KeyBinding(.character("U"), .clearMarks, scope: .users, "clear every mark (also :unmark)"),
            KeyBinding(.character("R"), .bulkReset, scope: .users, "reset all MFA of the marked users (or the selected one)", isDestructive: true, isHint: true, requires: .deleteMethod, hint: "reset MFA"),
    ]
}
