import AuthdeskCore

/// The tenants of the session: the one shown, every one the operator may switch to, which are
/// signed in, the picker, and the switch in flight (bumped per switch; an older answer is dropped).
public struct TenantsState: Sendable, Equatable {
    /// The tenant shown; changes only once a switch's tenant is signed in.
    public internal(set) var current: TenantInfo
    /// Every tenant the operator may switch to (`:tenant NAME`, the picker), in order.
    public internal(set) var all: [TenantInfo]
    /// The tenants signed in during this session, by name (the picker says which).
    public internal(set) var signedIn: Set<String>
    /// The tenant picker, when open: it takes every key.
    public internal(set) var picker: TenantPicker?
    /// The tenant being signed in to, while a switch waits for it.
    public internal(set) var switchingTo: String?
    /// Bumped by every switch asked for; the answer to an older one is dropped.
    public internal(set) var generation = 0

    init(current: TenantInfo, all: [TenantInfo]) {
        self.current = current
        self.all = all.isEmpty ? [current] : all
        signedIn = [current.name]
    }

    /// The picker's keys.
    static let bindings: [KeyBinding] = [
        KeyBinding(.character("j"), .moveDown, scope: .tenantPicker, "next tenant"),
        KeyBinding(.down, .moveDown, scope: .tenantPicker, "next tenant"),
        KeyBinding(.character("k"), .moveUp, scope: .tenantPicker, "previous tenant"),
        KeyBinding(.up, .moveUp, scope: .tenantPicker, "previous tenant"),
        KeyBinding(.enter, .accept, scope: .tenantPicker, "switch to the tenant", isHint: true, hint: "switch"),
        KeyBinding(.escape, .cancel, scope: .tenantPicker, "close", isHint: true),
        KeyBinding(.character("q"), .cancel, scope: .tenantPicker, "close"),
    ]

    /// Whether tenant `name` has been signed in during this session.
    public func isSignedIn(_ name: String) -> Bool {
        signedIn.contains(name)
    }

    /// Opens the picker on the tenant shown (or the one being opened).
    mutating func openPicker() {
        picker = TenantPicker(selected: all.firstIndex { $0.name == (switchingTo ?? current.name) } ?? 0)
    }

    /// A key in the open picker; returns the tenant chosen with `enter`, if any.
    mutating func pick(_ action: KeyAction) -> String? {
        guard var picker else { return nil }
        let last = max(0, all.count - 1)
        switch action {
        case .moveDown: picker.selected = min(picker.selected + 1, last)
        case .moveUp: picker.selected = max(picker.selected - 1, 0)
        case .top: picker.selected = 0
        case .bottom: picker.selected = last
        case .accept:
            self.picker = nil
            return all.indices.contains(picker.selected) ? all[picker.selected].name : nil
        case .cancel:
            self.picker = nil
            return nil
        default:
            return nil
        }
        self.picker = picker
        return nil
    }
}
