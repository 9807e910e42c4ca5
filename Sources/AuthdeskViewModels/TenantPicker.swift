/// The open tenant picker: which of the browser's tenants (``BrowserState/tenants``) is selected.
/// The rows themselves come from the state, so what it lists cannot go stale.
public struct TenantPicker: Sendable, Equatable {
    /// Index into ``BrowserState/tenants``.
    public var selected: Int

    public init(selected: Int) {
        self.selected = selected
    }
}
