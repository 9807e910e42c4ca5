import AuthdeskCore
import AuthdeskServices

/// Everything the user browser shows, as a value: the console draws it, tests compare it.
///
/// It changes only through ``apply(_:)``, a pure function of an event that returns the work to
/// do (``BrowserEffect``). Answers carry the generation of the request they answer; an answer
/// whose generation is no longer current is dropped, so a slow, stale answer never replaces a
/// newer one.
public struct BrowserState: Sendable, Equatable {
    /// The tenant shown; changes only by a tenant switch (``BrowserState+Tenants``).
    public internal(set) var tenant: TenantInfo
    public internal(set) var keyMap: KeyMap
    public internal(set) var readOnly: Bool
    public let settings: BrowserSettings
    /// What the provider offers; bindings for anything else are hidden.
    public internal(set) var capabilities: Set<ProviderAction>
    /// Every tenant the operator may switch to (`:tenant NAME`, the picker), in order.
    public internal(set) var tenants: [TenantInfo]
    /// The tenants signed in during this session, by name (the picker says which).
    public internal(set) var signedInTenants: Set<String>
    /// The tenant picker, when open: it takes every key.
    public internal(set) var tenantPicker: TenantPicker?
    /// The tenant being signed in to, while a switch waits for it.
    public internal(set) var switchingTo: String?
    /// Bumped by every switch asked for; the answer to an older one is dropped.
    public internal(set) var tenantGeneration = 0
    /// The key table before the tenant's capabilities and read-only flag filter it.
    let baseKeyMap: KeyMap
    /// `--read-only`: every tenant of the session is read-only.
    let sessionReadOnly: Bool

    /// The search text, as typed.
    public var query: String = ""
    /// Bumped by every new search; answers to older ones are dropped.
    public var searchGeneration = 0
    public var usersStatus: UsersStatus = .idle
    public var users: [DirectoryUser] = []
    /// The ids of ``users``, kept in step where the list is replaced or appended to, so that a
    /// page arriving drops the users already listed without rebuilding a set of every id.
    public var loadedUserIDs: Set<String> = []
    /// Where the next page of results is; nil when the list is complete.
    public var nextCursor: PageCursor?
    public var isLoadingMore = false
    /// Index into ``users``; meaningful when the list is not empty.
    public var selectedUser = 0
    /// First visible row of the users pane.
    public var usersTop = 0

    public var methods: MethodsState = .none
    /// Bumped whenever the methods pane is asked to show another user (or the same one afresh).
    public var methodsGeneration = 0
    /// Index into the loaded methods.
    public var selectedMethod = 0
    public var methodsTop = 0

    public var focus: BrowserPane = .users
    /// The text field being edited, if any; keys then type into it.
    public var input: TextInput?
    /// The command line's text, without the `:`.
    public var command = ""
    public var showsHelp = false
    /// The first help line shown: the help scrolls when it is longer than the screen.
    public var helpTop = 0
    public var flash: Flash?
    /// Requests sent to the service and not answered yet (the activity indicator).
    public var pendingRequests = 0
    public var quitRequested = false
    /// Bumped by `ctrl-l`: the console then repaints the whole screen.
    public var redrawRequests = 0

    /// Visible rows of each list, as the console last laid them out (for paging and scrolling).
    public var usersRows = 10
    public var methodsRows = 5
    /// Increases with every published change; consumers keep the highest they have seen.
    public var revision: UInt64 = 0

    /// The open action dialog, if any: it takes every key.
    public var dialog: DialogState?
    /// The password reset being followed (shown in the banner once its dialog is closed).
    public var operation: OperationProgress?
    /// Bumped when the operator asks to copy the dialog's secret: the console then writes it to
    /// the terminal's clipboard (OSC 52) from the dialog.
    public var copyRequests = 0
    /// Who is signed in and their directory roles, once read (the banner and help show it).
    public var operatorProfile: OperatorProfile?

    /// The users marked for a bulk action, in every tenant (see ``Marks``).
    public var marks = Marks()
    /// `*` is loading the remaining pages before marking every result.
    public var markingAll = false
    var markAllGeneration = 0

    /// The journal screen (`:journal`), when open: it takes the whole screen and every key.
    public var journal: JournalViewState?
    /// The session's ticket reference, written with every change (`:ticket REF`).
    public var ticket: String?
    /// Whether changes are audited, so the ticket is asked at the first change.
    public var asksTicket = false
    /// Whether the ticket was asked (or set) in this session.
    public var ticketAsked = false
    /// The ticket question, when open: it takes every key.
    public var ticketPrompt: TicketPrompt?

    private var flashCounter = 0
    var dialogCounter = 0
    var operationCounter = 0

    /// - Parameter tenants: the tenants a switch may go to (just `tenant` when empty).
    public init(
        tenant: TenantInfo, keyMap: KeyMap = .standard, readOnly: Bool = false,
        settings: BrowserSettings = BrowserSettings(), capabilities: Set<ProviderAction> = ProviderAction.graph,
        tenants: [TenantInfo] = []
    ) {
        self.tenant = tenant
        self.readOnly = readOnly || tenant.readOnly
        self.keyMap = Self.filteredKeyMap(keyMap, capabilities: capabilities, readOnly: self.readOnly)
        self.settings = settings
        self.capabilities = capabilities
        self.tenants = tenants.isEmpty ? [tenant] : tenants
        signedInTenants = [tenant.name]
        baseKeyMap = keyMap
        sessionReadOnly = readOnly
    }

    // MARK: Derived

    /// The user under the selection, if the list is not empty.
    public var currentUser: DirectoryUser? {
        users.indices.contains(selectedUser) ? users[selectedUser] : nil
    }

    /// The method under the methods pane's selection, if any.
    public var currentMethod: AuthMethod? {
        let list = methods.methods
        return list.indices.contains(selectedMethod) ? list[selectedMethod] : nil
    }

    /// The key scopes in force, innermost first: what a key means right now.
    public var activeScopes: [KeyScope] {
        if showsHelp { return [.help] }
        if tenantPicker != nil { return [.tenantPicker] }
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
            return startSearch(debounce: false)
        case .key(let key):
            return press(key)
        case .action(let action):
            return perform(action)
        case .viewport(let usersRows, let methodsRows):
            self.usersRows = max(1, usersRows)
            self.methodsRows = max(1, methodsRows)
            scrollUsersToSelection()
            scrollMethodsToSelection()
            return []
        case .searchAnswered(let generation, let result):
            guard generation == searchGeneration else { return [] }
            return searchAnswered(result)
        case .moreUsersAnswered(let generation, let result):
            guard generation == searchGeneration, isLoadingMore else { return [] }
            return continueMarkingAll(after: moreUsersAnswered(result), failed: (try? result.get()) == nil)
        case .methodsAnswered(let generation, let userID, let result):
            guard generation == methodsGeneration, methods.userID == userID else { return [] }
            switch result {
            case .success(let list):
                methods = .loaded(userID: userID, methods: list)
                selectedMethod = min(selectedMethod, max(0, list.count - 1))
                scrollMethodsToSelection()
                return []
            case .failure(let error):
                methods = .failed(userID: userID, error: error)
                return showFlash(.error, "Could not read methods: \(error)")
            }
        case .flashExpired(let id):
            if flash?.id == id { flash = nil }
            return []
        case .dialogAnswered(let dialogID, let result, let at):
            return dialogAnswered(dialogID, result, at: at)
        case .operationUpdated(let operationID, let update, let at):
            return operationUpdated(operationID, update, at: at)
        case .operationLost(let operationID, let error, let at):
            return operationLost(operationID, error, at: at)
        case .journalLoaded, .journalFailed, .journalExported, .journalExportFailed, .journalProblem:
            return auditAnswered(event)
        case .tenantOpened(let generation, let result):
            guard generation == tenantGeneration, switchingTo != nil else { return [] }
            return tenantOpened(result)
        case .signInNotice(let text):
            return showSignInNotice(text)
        case .operationTicked(let operationID, let at):
            guard var operation, operation.id == operationID, !operation.isFinished else { return [] }
            operation.now = at
            operation.spinnerFrame += 1
            self.operation = operation
            return [.tickOperation(operationID: operationID)]
        case .preflightAnswered(let dialogID, let verdict):
            return preflightAnswered(dialogID, verdict)
        case .operatorAnswered(let profile):
            operatorProfile = profile
            return []
        case .bulkClosed(let done):
            return bulkClosed(done: done)
        }
    }

    /// What `key` does right now: nil when it types into the open text field or means nothing.
    ///
    /// In a text field printable keys type (unless the field itself binds them), so `j` types
    /// while the arrows still move the selection.
    public func action(for key: Key) -> BrowserAction? {
        if !showsHelp, let dialog, dialog.phase != .result, dialog.focusedField?.isText == true,
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
        if !showsHelp, dialog != nil, let character = key.printable {
            typeIntoDialog(character)
            return []
        }
        if let input, let character = key.printable { return type(character, into: input) }
        return []
    }

    private mutating func type(_ character: Character, into input: TextInput) -> [BrowserEffect] {
        flash = nil
        switch input {
        case .search:
            query.append(character)
            return startSearch(debounce: true)
        case .command:
            command.append(character)
            return []
        }
    }

    private mutating func perform(_ action: BrowserAction) -> [BrowserEffect] {
        if flash?.level == .error { flash = nil }
        if showsHelp, let delta = helpScroll(action) {
            helpTop = min(max(0, helpTop + delta), max(0, helpLineCount - 1))
            return []
        }
        if dialog != nil, !showsHelp { return performInDialog(action) }
        if tenantPicker != nil, !showsHelp { return performInTenantPicker(action) }
        switch action {
        case .addPhone, .editMethod, .deleteMethod, .toggleSmsSignIn, .editEmail, .issueTemporaryAccessPass,
            .revokeSessions, .resetPassword:
            let effects = openDialog(for: action)
            askTicketIfNeeded()
            return effects
        case .toggleMark, .markAll, .clearMarks, .bulkReset:
            return performMarking(action)
        case .nextField, .previousField, .cursorLeft, .cursorRight, .toggleChoice, .confirm, .closeDialog,
            .reveal, .copySecret:
            return []
        case .search:
            input = .search
            focus = .users
            return []
        case .commandLine:
            input = .command
            command = ""
            return []
        case .chooseTenant:
            return openTenantPicker()
        case .help:
            showsHelp = true
            helpTop = 0
            return []
        case .closeHelp:
            showsHelp = false
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
        case .open:
            guard let user = currentUser else { return [] }
            focus = .methods
            if methods.userID == user.id { return [] }
            return loadMethods(for: user, settle: false)
        case .back:
            focus = .users
            return []
        case .reload:
            guard let user = currentUser else { return [] }
            return loadMethods(for: user, settle: false) + showFlash(.info, "Reloading the methods of \(user.displayName)")
        case .moveDown: return moveSelection(by: 1)
        case .moveUp: return moveSelection(by: -1)
        case .pageDown: return moveSelection(by: focus == .users ? usersRows : methodsRows)
        case .pageUp: return moveSelection(by: -(focus == .users ? usersRows : methodsRows))
        case .top: return moveSelection(by: Int.min / 2)
        case .bottom: return moveSelection(by: Int.max / 2)
        case .accept:
            switch input {
            case .search:
                input = nil
                return []
            case .command:
                input = nil
                return runCommand()
            case nil:
                return []
            }
        case .cancel:
            if input == .command { command = "" }
            input = nil
            return []
        case .deleteBackward:
            switch input {
            case .search:
                guard !query.isEmpty else { return [] }
                query.removeLast()
                return startSearch(debounce: true)
            case .command:
                if command.isEmpty { input = nil } else { command.removeLast() }
                return []
            case nil:
                return []
            }
        case .clearInput:
            switch input {
            case .search:
                guard !query.isEmpty else { return [] }
                query = ""
                return startSearch(debounce: true)
            case .command:
                command = ""
                return []
            case nil:
                return []
            }
        }
    }

    /// How far a key scrolls the help, if it scrolls it.
    private func helpScroll(_ action: BrowserAction) -> Int? {
        switch action {
        case .moveDown: 1
        case .moveUp: -1
        case .pageDown: 10
        case .pageUp: -10
        case .top: Int.min / 2
        default: nil
        }
    }

    /// The help's lines: a heading per scope, an entry per action, then the commands.
    public var helpLineCount: Int {
        keyMap.helpSections().reduce(0) { $0 + 1 + $1.entries.count } + 1 + Self.commands.count
    }

    // MARK: Search and paging

    mutating func startSearch(debounce: Bool) -> [BrowserEffect] {
        searchGeneration += 1
        usersStatus = .searching
        isLoadingMore = false
        return [.search(query: query, generation: searchGeneration, debounce: debounce)]
    }

    private mutating func searchAnswered(_ result: Result<UserPage, ServiceError>) -> [BrowserEffect] {
        switch result {
        case .success(let page):
            let previous = currentUser?.id
            users = page.users
            loadedUserIDs = Set(users.map(\.id))
            nextCursor = page.next
            usersStatus = .loaded
            selectedUser = previous.flatMap { id in users.firstIndex { $0.id == id } } ?? 0
            usersTop = 0
            scrollUsersToSelection()
            return selectionSettled()
        case .failure(let error):
            users = []
            loadedUserIDs = []
            nextCursor = nil
            usersStatus = .failed(error)
            selectedUser = 0
            usersTop = 0
            methods = .none
            methodsGeneration += 1
            return showFlash(.error, "Search failed: \(error)")
        }
    }

    private mutating func moreUsersAnswered(_ result: Result<UserPage, ServiceError>) -> [BrowserEffect] {
        isLoadingMore = false
        switch result {
        case .success(let page):
            if loadedUserIDs.count != users.count || users.last.map({ !loadedUserIDs.contains($0.id) }) == true {
                loadedUserIDs = Set(users.map(\.id))  // the list was changed elsewhere
            }
            for user in page.users where loadedUserIDs.insert(user.id).inserted {
                users.append(user)
            }
            nextCursor = page.next
            return pageIfNearEnd()
        case .failure(let error):
            return showFlash(.error, "Could not load more users: \(error)")
        }
    }

    /// Asks for the next page when the selection is near the end of what is loaded.
    private mutating func pageIfNearEnd() -> [BrowserEffect] {
        guard usersStatus == .loaded, !isLoadingMore, let cursor = nextCursor,
            selectedUser >= users.count - settings.pagingThreshold
        else { return [] }
        isLoadingMore = true
        return [.loadMoreUsers(cursor: cursor, generation: searchGeneration)]
    }

    // MARK: Selection

    private mutating func moveSelection(by delta: Int) -> [BrowserEffect] {
        switch focus {
        case .users:
            guard !users.isEmpty else { return [] }
            let target = clamp(selectedUser.addingReportingOverflow(delta).partialValue, 0, users.count - 1)
            let rowsMoved = target - selectedUser
            if abs(delta) == usersRows { usersTop += rowsMoved }
            selectedUser = target
            scrollUsersToSelection()
            return selectionSettled()
        case .methods:
            let count = methods.methods.count
            guard count > 0 else { return [] }
            let target = clamp(selectedMethod.addingReportingOverflow(delta).partialValue, 0, count - 1)
            if abs(delta) == methodsRows { methodsTop += target - selectedMethod }
            selectedMethod = target
            scrollMethodsToSelection()
            return []
        }
    }

    /// The selection rests on a user: load their methods if the pane shows someone else, and
    /// fetch the next page if the end is near.
    private mutating func selectionSettled() -> [BrowserEffect] {
        var effects: [BrowserEffect] = []
        if let user = currentUser {
            if methods.userID != user.id { effects += loadMethods(for: user, settle: true) }
        } else if methods != .none {
            methods = .none
            methodsGeneration += 1
        }
        return effects + pageIfNearEnd()
    }

    mutating func loadMethods(for user: DirectoryUser, settle: Bool) -> [BrowserEffect] {
        methodsGeneration += 1
        methods = .loading(userID: user.id)
        selectedMethod = 0
        methodsTop = 0
        return [.loadMethods(userID: user.id, generation: methodsGeneration, settle: settle)]
    }

    private mutating func scrollUsersToSelection() {
        usersTop = Self.scrolled(top: usersTop, selected: selectedUser, rows: usersRows, count: users.count)
    }

    private mutating func scrollMethodsToSelection() {
        methodsTop = Self.scrolled(
            top: methodsTop, selected: selectedMethod, rows: methodsRows, count: methods.methods.count)
    }

    /// The first visible row that keeps `selected` in view, moving as little as possible.
    public static func scrolled(top: Int, selected: Int, rows: Int, count: Int) -> Int {
        let rows = max(1, rows)
        var top = clamp(top, 0, max(0, count - rows))
        if selected < top { top = selected }
        if selected >= top + rows { top = selected - rows + 1 }
        return max(0, top)
    }

    // MARK: Commands and messages

    /// The commands the `:` line knows, with what each does (for errors and help).
    public static let commands: [(name: String, description: String)] = [
        ("q", "quit"), ("quit", "quit"), ("help", "show the key bindings"),
        ("jobs", "the bulk reset jobs of the journal"), ("unmark", "clear every mark"),
        ("journal", "show the audit journal"), ("ticket REF", "set the ticket reference for changes"),
        ("tenant NAME", "switch to tenant NAME"), ("tenant", "choose a tenant from a list"),
    ]

    private mutating func runCommand() -> [BrowserEffect] {
        let text = command.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        command = ""
        switch text {
        case "":
            return []
        case "q", "q!", "quit":
            quitRequested = true
            return []
        case "help", "h":
            showsHelp = true
            return []
        case "jobs":
            return [.openJobs]
        case "unmark":
            return performMarking(.clearMarks)
        case "tenant":
            return openTenantPicker()
        case _ where text.hasPrefix("tenant "):
            return switchTenant(to: String(text.dropFirst("tenant ".count)))
        default:
            if let effects = runAuditCommand(text) { return effects }
            let valid = Self.commands.map { ":" + $0.name }.joined(separator: ", ")
            return showFlash(.error, "Unknown command :\(text) (valid: \(valid))")
        }
    }

    mutating func showFlash(_ level: Flash.Level, _ text: String) -> [BrowserEffect] {
        flashCounter += 1
        flash = Flash(id: flashCounter, level: level, text: text)
        return level == .info ? [.expireFlash(id: flashCounter)] : []
    }
}

private func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int {
    min(max(value, low), max(low, high))
}
