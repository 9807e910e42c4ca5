import AuthdeskCore
import AuthdeskServices

/// Everything the user browser shows, as a value: the console draws it, tests compare it.
///
/// A composition of one sub-state per concern (the tenants, the users list and its search, the
/// methods pane, the command line, the help, the flash line, the marks, the ticket, the dialog,
/// the journal, the password reset followed), each with its own reducer and key bindings. It
/// changes only through ``apply(_:)``, a pure function of an event that dispatches to them and
/// returns the work to do (``BrowserEffect``). Answers carry the generation of the request they
/// answer; an answer whose generation is no longer current is dropped, so a slow, stale answer
/// never replaces a newer one.
public struct BrowserState: StoreState {
    /// The tenant shown, the others, the picker and the switch in flight (``BrowserState+Tenants``).
    public internal(set) var tenancy: TenantsState
    public internal(set) var keyMap: KeyMap
    public internal(set) var readOnly: Bool
    public let settings: BrowserSettings
    /// What the provider offers; bindings for anything else are hidden.
    public internal(set) var capabilities: Set<ProviderAction>
    /// The key table before the tenant's capabilities and read-only flag filter it.
    let baseKeyMap: KeyMap
    /// `--read-only`: every tenant of the session is read-only.
    let sessionReadOnly: Bool

    /// The search line and the users pane.
    public var list = UserListState()
    /// The methods pane.
    public var methodsPane = MethodsPane()
    /// The details pane's account view.
    public var accountPane = AccountPane()
    public var focus: BrowserPane = .users
    /// The text field being edited, if any; keys then type into it.
    public var input: TextInput?
    /// The `:` line.
    public var commandLine = CommandLineState()
    public var help = HelpState()
    /// The flash line's message.
    public var flashes = FlashState()
    /// Requests sent to the service and not answered yet (the activity indicator).
    public var pendingRequests = 0
    public var quitRequested = false
    /// Bumped by `ctrl-l`: the console then repaints the whole screen.
    public var redrawRequests = 0
    /// Increases with every published change; consumers keep the highest they have seen.
    public var revision: UInt64 = 0

    /// The open action dialog, if any: it takes every key.
    public var dialog: DialogState?
    var dialogCounter = 0
    /// Bumped when the operator asks to copy the dialog's secret: the console then writes it to
    /// the terminal's clipboard (OSC 52) from the dialog.
    public var copyRequests = 0
    /// The password reset being followed (shown in the banner once its dialog is closed).
    public var operation: OperationProgress?
    var operationCounter = 0
    /// Who is signed in and their directory roles, once read (the banner and help show it).
    public var operatorProfile: OperatorProfile?

    /// The users marked for a bulk action, in every tenant.
    public var marking = MarksState()
    /// The journal screen (`:journal`), when open: it takes the whole screen and every key.
    public var journal: JournalViewState?
    /// The `:whoami` screen, shown in the help overlay while it is open.
    public var whoami: WhoamiScreen?
    /// The `:activity` screen's events (kept while the console runs), shown in the help overlay.
    public var activity = ActivityScreen()
    /// The users whose lease another operator or process holds (marked in the users pane).
    public var held = HeldUsers()
    /// The session's ticket reference and the question asking for it.
    public var ticketing = TicketState()

    /// - Parameter tenants: the tenants a switch may go to (just `tenant` when empty).
    public init(
        tenant: TenantInfo, keyMap: KeyMap = .standard, readOnly: Bool = false,
        settings: BrowserSettings = BrowserSettings(), capabilities: Set<ProviderAction> = ProviderAction.graph,
        tenants: [TenantInfo] = []
    ) {
        tenancy = TenantsState(current: tenant, all: tenants)
        self.readOnly = readOnly || tenant.readOnly
        self.keyMap = Self.filteredKeyMap(keyMap, capabilities: capabilities, readOnly: self.readOnly)
        self.settings = settings
        self.capabilities = capabilities
        baseKeyMap = keyMap
        sessionReadOnly = readOnly
    }

    /// The global keys: they work wherever no inner scope takes the key.
    static let bindings: [KeyBinding] = [
        KeyBinding(.character("/"), .search, scope: .global, "search", isHint: true),
        KeyBinding(.tab, .nextPane, scope: .global, "next pane", isHint: true),
        KeyBinding(.character(":"), .commandLine, scope: .global, "command", isHint: true),
        KeyBinding(.character("?"), .help, scope: .global, "help", isHint: true),
        KeyBinding(.character("q"), .quit, scope: .global, "quit", isHint: true),
        KeyBinding(.control("l"), .redraw, scope: .global, "redraw the screen"),
        KeyBinding(.character("T"), .chooseTenant, scope: .global, "choose a tenant (or :tenant NAME)"),
    ]

    /// The key scopes in force, innermost first: what a key means right now.
    public var activeScopes: [KeyScope] {
        if let journal { return [journal.keyScope] }
        if ticketing.prompt != nil { return [.ticketPrompt] }
        if help.isShown { return [.help] }
        if tenancy.picker != nil { return [.tenantPicker] }
        if let dialog { return [dialog.phase == .result ? .result : .dialog] }
        switch input {
        case .search: return [.search, .list]
        case .command: return [.command]
        case nil: return [focus == .users ? .users : .methods, .list, .global]
        }
    }

    // MARK: Reducer

    /// Applies one event and returns the work it calls for.
    public mutating func apply(_ event: BrowserEvent) -> [BrowserEffect] {
        switch event {
        case .start:
            return [list.startSearch(debounce: false)]
        case .key(let key):
            return press(key)
        case .action(let action):
            return perform(action)
        case .viewport(let usersRows, let methodsRows):
            list.rows = max(1, usersRows)
            methodsPane.rows = max(1, methodsRows)
            list.scrollToSelection()
            methodsPane.scrollToSelection()
            return []
        case .searchAnswered(let generation, let result):
            guard generation == list.generation else { return [] }
            return searchAnswered(result)
        case .moreUsersAnswered(let generation, let result):
            guard generation == list.generation, list.isLoadingMore else { return [] }
            return continueMarkingAll(after: moreUsersAnswered(result), failed: (try? result.get()) == nil)
        case .methodsAnswered(let generation, let userID, let result):
            guard methodsPane.answered(generation: generation, userID: userID, result) else { return [] }
            guard case .failure(let error) = result else { return [] }
            return showFlash(.error, "Could not read methods: \(error)")
        case .accountAnswered(let generation, let userID, let result):
            return accountAnswered(generation, userID, result)
        case .flashExpired(let id):
            flashes.expire(id)
            return []
        case .dialogAnswered(let dialogID, let result, let at):
            return dialogAnswered(dialogID, result, at: at)
        case .operationUpdated, .operationLost, .operationTicked:
            return followOperation(event)
        case .journalLoaded, .journalFailed, .journalExported, .journalExportFailed, .journalProblem, .undoAnswered,
            .undoPlanned, .journalChecked:
            return auditAnswered(event)
        case .tenantOpened(let generation, let result):
            guard generation == tenancy.generation, tenancy.switchingTo != nil else { return [] }
            return tenantOpened(result)
        case .signInNotice(let text):
            return showSignInNotice(text)
        case .preflightAnswered(let dialogID, let verdict):
            return preflightAnswered(dialogID, verdict)
        case .operatorAnswered(let profile):
            operatorProfile = profile
            return []
        case .bulkClosed(let done):
            return bulkClosed(done: done)
        case .whoamiAnswered(let lines):
            return whoamiAnswered(lines)
        case .activityArrived(let event):
            return activityArrived(event)
        case .leasesRead(let leases):
            held.replace(with: leases)
            return []
        case .requestsPreviewed(let dialogID, let result):
            return requestsPreviewed(dialogID, result)
        }
    }

    /// What `key` does right now: nil when it types into the open text field or means nothing.
    ///
    /// In a text field printable keys type (unless the field itself binds them), so `j` types
    /// while the arrows still move the selection.
    public func action(for key: Key) -> KeyAction? {
        if !help.isShown, let dialog, dialog.phase != .result, dialog.focusedField?.isText == true,
            key.printable != nil
        {
            return nil
        }
        if let input, key.printable != nil {
            return keyMap.action(for: key, in: [input == .search ? .search : .command])
        }
        return keyMap.action(for: key, in: activeScopes)
    }

    private mutating func press(_ key: Key) -> [BrowserEffect] {
        if let effects = pressInAuditScreens(key) { return effects }
        if let action = action(for: key) { return perform(action) }
        if !help.isShown, dialog != nil, let character = key.printable {
            typeIntoDialog(character)
            return []
        }
        if let input, let character = key.printable { return type(character, into: input) }
        return []
    }

    private mutating func type(_ character: Character, into input: TextInput) -> [BrowserEffect] {
        flashes.clear()
        switch input {
        case .search:
            list.query.append(character)
            return [list.startSearch(debounce: true)]
        case .command:
            commandLine.text.append(character)
            return []
        }
    }

    private mutating func perform(_ action: KeyAction) -> [BrowserEffect] {
        flashes.clearError()
        if help.isShown, help.scroll(action, lineCount: helpLineCount) { return [] }
        if dialog != nil, !help.isShown { return performInDialog(action) }
        if tenancy.picker != nil, !help.isShown {
            guard let name = tenancy.pick(action) else { return [] }
            return switchTenant(to: name)
        }
        switch action {
        case .addPhone, .editMethod, .deleteMethod, .toggleSmsSignIn, .editEmail, .issueTemporaryAccessPass,
            .revokeSessions, .resetPassword, .toggleSignIn, .perUserMfa, .defaultMethod,
            .qrCodePin, .addTotp, .addSecurityKey, .enrollmentTicket, .deleteAllMethods, .forgetBrowsers, .temporaryQrCode,
            .changeAuth0Method, .deleteEnrollments, .replaceAllMethods:
            let effects = openDialog(for: action)
            askTicketIfNeeded()
            return effects
        case .toggleMark, .markAll, .clearMarks, .bulkReset:
            return performMarking(action)
        case .nextField, .previousField, .cursorLeft, .cursorRight, .toggleChoice, .confirm, .closeDialog,
            .reveal, .copySecret, .togglePolicy, .pause, .cancelRun, .export, .retryFailed, .showRequests, .undo, .approveJob:
            return []
        case .search:
            input = .search
            focus = .users
            return []
        case .commandLine:
            input = .command
            commandLine.text = ""
            return []
        case .chooseTenant:
            return openTenantPicker()
        case .toggleAccount:
            return toggleAccount()
        case .help:
            (whoami, activity.isShown) = (nil, false)
            help.open()
            return []
        case .closeHelp:
            help.isShown = false
            (whoami, activity.isShown) = (nil, false)
            return []
        case .quit:
            quitRequested = true
            return []
        case .redraw:
            redrawRequests += 1
            return []
        case .nextPane:
            focus = focus == .users ? .methods : .users
            return []
        case .open, .back, .reload, .moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom:
            return performInPanes(action)
        case .accept, .cancel, .deleteBackward, .clearInput:
            return performInTextField(action)
        }
    }

    /// Enter, esc, backspace and ctrl-u in the search or the command line.
    private mutating func performInTextField(_ action: KeyAction) -> [BrowserEffect] {
        switch (action, input) {
        case (.accept, .search):
            input = nil
            return []
        case (.accept, .command):
            input = nil
            let text = commandLine.take()
            return BrowserCommand.dispatch(text, on: &self)
        case (.cancel, _):
            if input == .command { commandLine.text = "" }
            input = nil
            return []
        case (.deleteBackward, .search):
            guard !list.query.isEmpty else { return [] }
            list.query.removeLast()
            return [list.startSearch(debounce: true)]
        case (.deleteBackward, .command):
            if !commandLine.deleteBackward() { input = nil }
            return []
        case (.clearInput, .search):
            guard !list.query.isEmpty else { return [] }
            list.query = ""
            return [list.startSearch(debounce: true)]
        case (.clearInput, .command):
            commandLine.text = ""
            return []
        default:
            return []
        }
    }

    /// The help's lines: a heading per scope of the browser and an entry per action, the
    /// commands, then the bulk screen's scopes the same way.
    public var helpLineCount: Int {
        if let whoami { return whoami.lines.count }
        if activity.isShown { return activity.lines.count }
        let sections = keyMap.helpSections() + keyMap.helpSections(KeyScope.screens)
        return sections.reduce(0) { $0 + 1 + $1.entries.count } + 1 + BrowserCommand.all.count
    }

    mutating func showFlash(_ level: Flash.Level, _ text: String) -> [BrowserEffect] {
        flashes.show(level, text).map { [.expireFlash(id: $0)] } ?? []
    }
}
