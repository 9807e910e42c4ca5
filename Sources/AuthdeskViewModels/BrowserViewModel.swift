import AuthdeskAudit
import AuthdeskCore
import AuthdeskServices
import AuthdeskTeamJournal
import AuthdeskWorkflows

/// The user browser's view model: holds ``BrowserState``, turns keys into state changes, runs
/// the service calls they ask for and publishes every new state.
///
/// Thread-safe: the console calls it from its terminal thread, answers arrive on tasks. New
/// states go to the sink given to ``observe(_:)``; it may be called from any thread, so it should
/// only wake the console (write to its self-pipe), which then reads ``state``.
public final class BrowserViewModel: Sendable {
    /// The kinds of background work; a new piece of one kind cancels the previous one.
    enum Slot: StoreSlot {
        case search
        case moreUsers
        case methods
        case account
        case flash
        case write
        case operation
        case tick
        case preflight
        case operatorProfile
        case journal
        case tenant
        case whoami
        case requests
        case activity
        case leases
    }

    /// What changes with the tenant, under the state's lock (so no request goes to the wrong one).
    struct Context: Sendable {
        /// The current tenant's provider: replaced by a tenant switch, with the state.
        var provider: any IdentityProvider
        /// The current tenant's pre-flight (it caches the operator's roles in that tenant).
        var preflight: Preflight
        /// Every tenant's pre-flight opened in this session, by tenant name.
        var preflights: [String: Preflight] = [:]
        /// ``start()`` ran.
        var started = false
    }

    private let store: Store<BrowserState, Slot, Context>
    let directory: any TenantDirectory
    /// Journals every change, in every tenant (nil: changes are not audited).
    let auditor: ChangeAuditor?
    /// Time on the clock since the model was made: when answers and ticks happened.
    private let uptime: @Sendable () -> Duration
    /// The bulk reset screen `R` and `:jobs` open, if the console has one.
    public let bulk: BulkScreenViewModel?
    /// Team mode's live activity (``TeamActivityFeed``'s events), heard from ``start()`` on.
    public typealias ActivitySource = @Sendable () async throws -> AsyncStream<TeamActivityEvent>
    let activity: ActivitySource?

    /// A browser of one tenant: `provider`'s.
    public convenience init(
        provider: any IdentityProvider, clock: any Clock<Duration> = ContinuousClock(),
        keyMap: KeyMap = .standard, readOnly: Bool = false, settings: BrowserSettings = BrowserSettings(),
        auditor: ChangeAuditor? = nil, bulk: BulkScreenViewModel? = nil
    ) {
        self.init(
            directory: FixedTenantDirectory([provider]), provider: provider, clock: clock, keyMap: keyMap,
            readOnly: readOnly, settings: settings, auditor: auditor, bulk: bulk)
    }

    /// A browser that may switch among `directory`'s tenants, opening on `provider`'s (signed in,
    /// one of the directory's).
    /// - Parameters:
    ///   - clock: the clock debouncing and settling wait on (a test clock in tests).
    ///   - readOnly: drops every destructive key binding in every tenant (a read-only tenant drops
    ///     them on its own).
    ///   - auditor: journals every change made through the tenants' providers (each wrapped as it
    ///     is opened, unless the caller already did); the console then asks for a ticket at the
    ///     first change.
    ///   - bulk: the bulk reset screen; when it closes, the users it reset are unmarked here.
    public init(
        directory: any TenantDirectory, provider: any IdentityProvider, clock: any Clock<Duration> = ContinuousClock(),
        keyMap: KeyMap = .standard, readOnly: Bool = false, settings: BrowserSettings = BrowserSettings(),
        auditor: ChangeAuditor? = nil, bulk: BulkScreenViewModel? = nil, activity: ActivitySource? = nil
    ) {
        self.directory = directory
        self.auditor = auditor
        self.bulk = bulk
        self.activity = activity
        uptime = Stopwatch.started(on: clock)
        var state = BrowserState(
            tenant: provider.tenant, keyMap: keyMap, readOnly: readOnly, settings: settings,
            capabilities: provider.capabilities, tenants: directory.tenants)
        state.activity.isTeamMode = activity != nil
        Self.prepareAudit(&state, auditor)
        let preflight = Preflight(provider: provider)
        store = Store(
            state,
            context: Context(
                provider: Self.audited(provider, by: auditor), preflight: preflight,
                preflights: [provider.tenant.name: preflight]),
            clock: clock)
        store.runEffects { [weak self] effect in self?.run(effect) }
        bulk?.onClose { [weak self] done in self?.send(.bulkClosed(done: done)) }
    }

    /// The current state.
    public var state: BrowserState { store.state }

    /// Sets the one sink that hears of every new state (replacing any earlier one).
    public func observe(_ sink: @escaping @Sendable (BrowserState) -> Void) {
        store.observe(sink)
    }

    /// Opens the browser: lists everyone (the first page). Once only: the console calls it
    /// before it takes the terminal (the first search then overlaps setting curses up), and
    /// the terminal session again.
    public func start() {
        guard store.withContext({ context in
            defer { context.started = true }
            return !context.started
        }) else { return }
        send(.start)
        readOperator()
        readLeases()
        if let activity {
            spawn(.activity) { [self] in
                guard let events = try? await activity() else { return }
                for await event in events { send(.activityArrived(event)) }
            }
        }
    }

    /// Reads who is signed in to the current tenant, and their roles there (once per tenant).
    private func readOperator() {
        let preflight = store.withContext { $0.preflight }
        spawn(.operatorProfile) { [self] in
            guard let profile = try? await preflight.operatorProfile(), !Task.isCancelled else { return }
            send(.operatorAnswered(profile))
        }
    }

    /// Shows a sign-in's message to the operator (a device-code prompt) until the next message.
    public func announce(_ text: String) {
        send(.signInNotice(text))
    }

    /// The operator pressed `key`.
    public func press(_ key: Key) {
        send(.key(key))
    }

    /// Presses the key bound to `action` where the operator is now, as a test would; false (and
    /// nothing happens) when no key reaches that action in the active scopes.
    @discardableResult
    public func perform(_ action: KeyAction) -> Bool {
        let state = state
        let keys = state.keyMap.bindings.filter { $0.action == action }.map(\.key)
        guard let key = keys.first(where: { state.action(for: $0) == action }) else { return false }
        press(key)
        return true
    }

    /// Types `text` into the open text field, one key per character.
    public func type(_ text: String) {
        for character in text { press(.character(character)) }
    }

    /// The console laid out the lists with this many visible rows.
    public func setViewport(usersRows: Int, methodsRows: Int) {
        let current = state
        guard current.list.rows != usersRows || current.methodsPane.rows != methodsRows else { return }
        send(.viewport(usersRows: usersRows, methodsRows: methodsRows))
    }

    /// Cancels all background work (the console is closing).
    public func stop() {
        store.cancelAll()
    }

    // MARK: Running the state machine

    /// Applies `event`; a tenant switch's answer that the state accepts also replaces the
    /// provider (audited) and the pre-flight with `opened`'s, under the same lock, so no request
    /// goes to the wrong tenant.
    func send(_ event: BrowserEvent, answering: Bool = false, opened: (any IdentityProvider)? = nil) {
        let auditor = auditor
        let switched = store.send(event) { state, context in
            if answering { state.pendingRequests -= 1 }
            guard let opened, case .tenantOpened(let generation, .success) = event,
                generation == state.tenancy.generation, state.tenancy.switchingTo != nil
            else { return false }
            context.provider = Self.audited(opened, by: auditor)
            let name = opened.tenant.name
            let preflight = context.preflights[name] ?? Preflight(provider: opened)
            context.preflights[name] = preflight
            context.preflight = preflight
            return true
        }
        if switched { readOperator() }
    }

    /// Marks a request as sent (the activity indicator) if `generation` is still current.
    private func begin(_ isCurrent: @Sendable (BrowserState) -> Bool) -> Bool {
        store.update { state in
            guard isCurrent(state) else { return false }
            state.pendingRequests += 1
            return true
        }
    }

    func spawn(_ slot: Slot, _ work: @escaping @Sendable () async -> Void) {
        store.spawn(slot, work)
    }

    /// Waits `delay` on the clock; false when cancelled meanwhile.
    private func wait(_ delay: Duration) async -> Bool {
        await store.wait(delay)
    }

    private func run(_ effect: BrowserEffect) {
        let (settings, provider) = store.read { ($0.settings, $1.provider) }
        switch effect {
        case .search(let query, let generation, let debounce):
            spawn(.search) { [self] in
                guard await wait(debounce ? settings.searchDebounce : .zero),
                    begin({ $0.list.generation == generation })
                else { return }
                let result: Result<UserPage, ServiceError>
                do throws(ServiceError) {
                    result = .success(try await provider.searchUsers(query, pageSize: settings.pageSize))
                } catch {
                    result = .failure(error)
                }
                send(.searchAnswered(generation: generation, result), answering: true)
            }
        case .loadMoreUsers(let cursor, let generation):
            spawn(.moreUsers) { [self] in
                guard begin({ $0.list.generation == generation }) else { return }
                let result: Result<UserPage, ServiceError>
                do throws(ServiceError) {
                    result = .success(try await provider.nextUsers(cursor))
                } catch {
                    result = .failure(error)
                }
                send(.moreUsersAnswered(generation: generation, result), answering: true)
            }
        case .loadMethods(let userID, let generation, let settle):
            spawn(.methods) { [self] in
                guard await wait(settle ? settings.methodsSettle : .zero),
                    begin({ $0.methodsPane.generation == generation })
                else { return }
                let result: Result<[AuthMethod], ServiceError>
                do throws(ServiceError) {
                    result = .success(try await provider.methods(of: userID))
                } catch {
                    result = .failure(error)
                }
                send(.methodsAnswered(generation: generation, userID: userID, result), answering: true)
            }
        case .loadAccount(let userID, let generation):
            spawn(.account) { [self] in
                guard begin({ $0.accountPane.generation == generation }) else { return }
                let result: Result<AccountDetails, ServiceError>
                do throws(ServiceError) {
                    result = .success(try await provider.accountDetails(of: userID))
                } catch {
                    result = .failure(error)
                }
                send(.accountAnswered(generation: generation, userID: userID, result), answering: true)
            }
        case .send(let request, let dialogID):
            let uptime = uptime
            let verification = store.read { state, _ in state.dialog?.id == dialogID ? state.dialog?.verification : nil }
            let user = store.read { state, _ in state.dialog?.id == dialogID ? state.dialog?.user : nil }
            spawn(.write) { [self] in
                guard begin({ $0.dialog?.id == dialogID }) else { return }
                let result: Result<ChangeOutcome, ServiceError> = await ChangeAuditor.$verifying.withValue(verification) {
                    do throws(ServiceError) {
                        return .success(try await sendHoldingLease(request, to: provider, user: user))
                    } catch {
                        return .failure(error)
                    }
                }
                send(.dialogAnswered(dialogID: dialogID, result, at: uptime()), answering: true)
                reportAuditFailures()
            }
        case .followOperation(let reset, let operationID):
            let uptime = uptime
            spawn(.operation) { [self] in
                let ending = await PasswordResetFollower(provider: provider).follow(reset) { update in
                    send(.operationUpdated(operationID: operationID, update, at: uptime()))
                }
                switch ending {
                case .final, .unfinished:
                    send(.operationLost(operationID: operationID, nil, at: uptime()))
                    reportAuditFailures()
                case .lost(let failure, _):
                    guard !Task.isCancelled else { return }
                    send(.operationLost(operationID: operationID, failure, at: uptime()))
                }
            }
        case .tickOperation(let operationID):
            let uptime = uptime
            spawn(.tick) { [self] in
                guard await wait(settings.spinnerInterval) else { return }
                send(.operationTicked(operationID: operationID, at: uptime()))
            }
        case .preflight(let action, let userID, let dialogID):
            let preflight = store.withContext { $0.preflight }
            spawn(.preflight) { [self] in
                let verdict = await preflight.check(action, userID: userID)
                guard !Task.isCancelled else { return }
                send(.preflightAnswered(dialogID: dialogID, verdict))
            }
        case .openBulkReset(let entries):
            bulk?.openReset(entries)
        case .openJobs:
            bulk?.openJobs()
        case .loadJournal, .exportJournal, .setTicket, .undoEntry, .planUndo:
            runAudit(effect)
        case .openTenant(let name, let generation):
            let directory = directory
            spawn(.tenant) { [self] in
                guard begin({ $0.tenancy.generation == generation }) else { return }
                do throws(ServiceError) {
                    let opened = try await directory.provider(for: name)
                    let opening = TenantOpening(tenant: opened.tenant, capabilities: opened.capabilities)
                    send(.tenantOpened(generation: generation, .success(opening)), answering: true, opened: opened)
                } catch {
                    send(.tenantOpened(generation: generation, .failure(error)), answering: true)
                }
            }
        case .loadWhoami(let tenant):
            loadWhoami(tenant)
        case .jobsChanged:
            bulk?.jobsChanged()
        case .readLeases:
            readLeases()
        case .expireFlash(let id):
            store.expireFlash(after: settings.flashDuration, .flashExpired(id: id))
        case .previewRequests(let request, let dialogID):
            spawn(.requests) { [self] in
                let result: Result<[PlannedRequest], ServiceError>
                do throws(ServiceError) {
                    result = .success(try await request.preview(through: provider))
                } catch {
                    result = .failure(error)
                }
                guard !Task.isCancelled else { return }
                send(.requestsPreviewed(dialogID: dialogID, result))
            }
        }
    }
}
