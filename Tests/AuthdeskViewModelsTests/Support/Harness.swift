import AuthdeskAudit
import AuthdeskServices
import AuthdeskViewModels

/// A view model over a fake provider and a manual clock, with a way to wait for a state.
struct Harness {
    let provider: FakeIdentityProvider
    let clock = ManualClock()
    let model: BrowserViewModel
    private let changed = Condition()

    init(
        provider: FakeIdentityProvider, readOnly: Bool = false, settings: BrowserSettings = Harness.settings,
        auditor: ChangeAuditor? = nil, activity: BrowserViewModel.ActivitySource? = nil,
        directory: (any TenantDirectory)? = nil
    ) {
        self.provider = provider
        model = BrowserViewModel(
            directory: directory ?? FixedTenantDirectory([provider]), provider: provider, clock: clock, readOnly: readOnly, settings: settings,
            auditor: auditor, activity: activity)
        let changed = changed
        model.observe { _ in changed.signal() }
    }

    /// A browser that may switch among `directory`'s tenants, opening on `provider`'s.
    init(
        directory: FakeTenantDirectory, provider: FakeIdentityProvider, readOnly: Bool = false,
        settings: BrowserSettings = Harness.settings
    ) {
        self.provider = provider
        model = BrowserViewModel(directory: directory, provider: provider, clock: clock, readOnly: readOnly, settings: settings)
        let changed = changed
        model.observe { _ in changed.signal() }
    }

    /// Debounce 300 ms, no settle delay, small pages.
    static let settings = BrowserSettings(
        pageSize: 10, searchDebounce: .milliseconds(300), methodsSettle: .zero, pagingThreshold: 3,
        flashDuration: .seconds(4))

    var state: BrowserState { model.state }

    /// Returns the first state, from now on, for which `isMet` holds.
    @discardableResult
    func wait(until isMet: @escaping @Sendable (BrowserState) -> Bool) async -> BrowserState {
        let model = model
        await changed.wait { isMet(model.state) }
        return model.state
    }

    /// Waits until nothing is on the way to or from the provider and no timer is pending but `sleepers`.
    @discardableResult
    func settle(sleepers: Int = 0) async -> BrowserState {
        await clock.waitForSleepers(sleepers)
        return await wait { $0.pendingRequests == 0 && $0.list.status != .searching && !$0.list.isLoadingMore
            && !Self.methodsLoading($0) }
    }

    private static func methodsLoading(_ state: BrowserState) -> Bool {
        if case .loading = state.methods { return true }
        return false
    }
}
