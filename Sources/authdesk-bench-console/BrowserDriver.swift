import AuthdeskConsole
import AuthdeskCore
import AuthdeskServices
import AuthdeskViewModels

/// Runs the browser the way the console's loop does, on one thread and without a terminal:
/// an event goes through ``BrowserState/apply(_:)`` (with the view model's change check), the
/// screen is drawn with ``BrowserRenderer`` and copied by a ``ScreenWriter`` to a surface that
/// throws the cells away. The work the state asks for is answered at once from a
/// ``FakeDirectory``, as if the service were infinitely fast, so only the console's own time
/// is measured.
struct BrowserDriver {
    private(set) var state: BrowserState
    let directory: FakeDirectory
    let width: Int
    let height: Int
    let options = RenderOptions()
    private var writer = ScreenWriter()
    private let surface = NullSurface()
    private let clock = ContinuousClock()

    /// How long each answer from the service took to handle and draw.
    private(set) var answerTimes: [Duration] = []

    init(directory: FakeDirectory, width: Int, height: Int) {
        self.directory = directory
        self.width = width
        self.height = height
        let tenant = TenantInfo(name: "contoso", provider: .graph, id: "t", domain: "contoso.onmicrosoft.com", color: "cyan")
        state = BrowserState(tenant: tenant, settings: BrowserSettings(pageSize: directory.pageSize))
        let layout = BrowserLayout(width: width, height: height)
        _ = state.apply(.viewport(usersRows: layout.usersRows, methodsRows: layout.methodsRows))
    }

    /// Cells written to the terminal so far.
    var cellsWritten: Int { surface.cells }

    /// Handles one event and draws the next frame: what a key costs the console.
    mutating func handle(_ event: BrowserEvent) -> [BrowserEffect] {
        let before = state
        let effects = state.apply(event)
        if state != before { state.revision = before.revision + 1 }
        let grid = BrowserRenderer.render(state, width: width, height: height, options: options)
        writer.show(grid, on: surface)
        return effects
    }

    /// Handles `event` (timing it when asked) and answers the work it asks for, timing each answer.
    @discardableResult
    mutating func press(_ event: BrowserEvent) -> Duration {
        let start = clock.now
        let effects = handle(event)
        let took = clock.now - start
        answer(effects)
        return took
    }

    /// Answers `effects` from the directory, each answer handled and drawn (and timed).
    mutating func answer(_ effects: [BrowserEffect]) {
        var queue = effects
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            let event: BrowserEvent
            switch effect {
            case .search(let query, let generation, _):
                event = .searchAnswered(generation: generation, .success(directory.search(query)))
            case .loadMoreUsers(let cursor, let generation):
                event = .moreUsersAnswered(generation: generation, .success(directory.next(cursor)))
            case .loadMethods(let userID, let generation, _):
                event = .methodsAnswered(generation: generation, userID: userID, .success(directory.methods(of: userID)))
            case .expireFlash, .send, .followOperation, .tickOperation, .preflight, .openBulkReset, .openJobs,
                .loadJournal, .exportJournal, .setTicket, .openTenant, .loadAccount, .loadWhoami, .previewRequests, .undoEntry,
                .planUndo, .jobsChanged, .readLeases:
                // Flashes expiring, dialogs' requests and previews, the journal, undo, tenants, the account view, whoami and leases are not part of browsing the list.
                continue
            }
            let start = clock.now
            let more = handle(event)
            answerTimes.append(clock.now - start)
            queue += more
        }
    }

    /// Loads pages (pressing End, as an operator would) until `count` users are in the list or
    /// the list is complete.
    mutating func load(upTo count: Int) {
        press(.start)
        while state.users.count < count, state.nextCursor != nil {
            press(.key(.end))
        }
    }

    /// Starts again from `state` (a list loaded once), with a fresh screen.
    mutating func restore(_ state: BrowserState) {
        self.state = state
        let layout = BrowserLayout(width: width, height: height)
        _ = self.state.apply(.viewport(usersRows: layout.usersRows, methodsRows: layout.methodsRows))
        writer.invalidate()
    }

    /// Forgets the answer times (after loading).
    mutating func resetAnswerTimes() {
        answerTimes = []
    }
}
