import AuthdeskServices

/// One row of the key table: which key, in which scope, does what, and whether it is destructive.
///
/// The help screen and the hint line are generated from these rows; read-only mode drops every
/// destructive row, so a destructive action cannot be reached from the keyboard at all.
public struct KeyBinding: Sendable, Hashable {
    public var key: Key
    public var action: KeyAction
    public var scope: KeyScope
    /// What the action does, in a few words (help screen and hint line).
    public var description: String
    /// Changes something in the tenant; removed in read-only mode.
    public var isDestructive: Bool
    /// Shown in the hint line when its scope is active (the help screen shows every binding).
    public var isHint: Bool
    /// The provider action it needs: hidden when the provider does not offer it.
    public var requires: ProviderAction?
    /// A shorter description for the hint line, where room is scarce.
    public var hint: String?

    public init(
        _ key: Key, _ action: KeyAction, scope: KeyScope, _ description: String,
        isDestructive: Bool = false, isHint: Bool = false, requires: ProviderAction? = nil, hint: String? = nil
    ) {
        self.requires = requires
        self.hint = hint
        self.key = key
        self.action = action
        self.scope = scope
        self.description = description
        self.isDestructive = isDestructive
        self.isHint = isHint
    }
}
