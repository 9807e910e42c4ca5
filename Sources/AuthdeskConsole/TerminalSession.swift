import AuthdeskViewModels
import AuthdeskWorkflows
import CNcursesw
import Foundation
import Glibc

/// The one owner of the terminal: sets curses up, runs the input loop, restores the terminal.
///
/// Lives on one thread from start to end (curses is not thread-safe). The loop blocks in
/// poll(2) on the terminal and on a self-pipe that view-model events and the SIGINT, SIGTERM,
/// SIGHUP and SIGWINCH handlers write to: an idle console uses no CPU. It ends on quit, on
/// those signals, and when the terminal goes away (EOF, EIO, POLLHUP).
final class TerminalSession {
    /// Why the loop ended, and the exit status that goes with it.
    enum Ending: Equatable {
        case quit
        case signal(Int32)
        case terminalGone
        /// The start failed (``ConsoleStart/fail()``): the caller reports why.
        case startFailed

        var status: Int32 {
            switch self {
            case .quit: 0
            case .signal(let number): 128 + number
            case .terminalGone: 128 + SIGHUP
            case .startFailed: 1
            }
        }
    }

    /// What the session reads from the environment, gathered so tests can set it.
    struct Environment {
        /// `TERM`.
        var term: String
        /// `NO_COLOR` set to anything but the empty string.
        var noColor: Bool
        /// `ESCDELAY` set: then curses's own reading of it stands.
        var escapeDelayGiven: Bool

        static func current() -> Environment {
            func value(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
            return Environment(
                term: value("TERM") ?? "unknown", noColor: !(value("NO_COLOR") ?? "").isEmpty,
                escapeDelayGiven: value("ESCDELAY") != nil)
        }
    }

    private let start: ConsoleStart
    /// The browser, once the start handed it over.
    private var model: BrowserViewModel?
    private let options: ConsoleOptions
    private let environment: Environment
    private let input: Int32
    private let output: Int32
    private let pipe: SelfPipe
    private var files: [UnsafeMutablePointer<FILE>] = []
    private var screen: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>?
    private var surface: CursesSurface?
    private var writer = ScreenWriter()
    private var decoder = InputDecoder()
    private var renderOptions = RenderOptions()
    private var redrawRequests = 0
    private var copyRequests = 0

    /// A session on the terminal at `input` and `output` (the process's own by default) that
    /// draws a starting frame until `start` hands it the browser.
    init(
        start: ConsoleStart, options: ConsoleOptions, environment: Environment = .current(),
        input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO
    ) throws(ConsoleError) {
        self.start = start
        self.options = options
        self.environment = environment
        self.input = input
        self.output = output
        pipe = try SelfPipe()
    }

    /// A session on the browser `model`, ready from the first frame.
    convenience init(
        model: BrowserViewModel, options: ConsoleOptions, environment: Environment = .current(),
        input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO
    ) throws(ConsoleError) {
        try self.init(start: ConsoleStart(ready: model), options: options, environment: environment, input: input, output: output)
    }

    /// Runs the console to its end; the terminal is restored when this returns.
    func run() throws(ConsoleError) -> Ending {
        defer { pipe.close() }
        guard isatty(input) == 1, isatty(output) == 1 else { throw .notATerminal }
        setlocale(LC_ALL, "")
        let utf8 = authdesk_locale_is_utf8() != 0
        guard authdesk_install_quit_signals(pipe.writeEnd) == 0 else {
            authdesk_restore_signals()
            throw .system("sigaction", errno: errno)
        }
        let term = environment.term
        guard let screen = newScreen(term), let window = authdesk_stdscr() else {
            authdesk_restore_signals()
            closeFiles()
            throw .unknownTerminal(term)
        }
        self.screen = screen
        self.window = window
        defer { restore() }

        if !environment.escapeDelayGiven { set_escdelay(25) }
        cbreak()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        nodelay(window, true)
        curs_set(0)
        var color = options.color && !environment.noColor && has_colors()
        if color {
            color = start_color() == OK
            if color { use_default_colors() }
        }
        renderOptions = RenderOptions(asciiLines: options.ascii, asciiText: !utf8, color: color)
        surface = CursesSurface(window: window, color: color)
        _ = authdesk_chain_winch()

        let pipe = pipe
        StartTrace.mark("curses ready")
        start.observe { pipe.wake() }
        let model: BrowserViewModel
        switch awaitStart() {
        case .ready(let ready): model = ready
        case .ended(let ending): return ending
        }
        start.stopObserving()
        self.model = model
        model.observe { _ in pipe.wake() }
        model.bulk?.observe { _ in pipe.wake() }
        model.start()
        return loop(model)
    }

    /// How the start ended: the browser takes over, or the session ends.
    private enum StartOutcome {
        case ready(BrowserViewModel)
        case ended(Ending)
    }

    /// Draws the starting frame until the browser is ready (or the start fails, a signal comes,
    /// the terminal goes away). Keys typed meanwhile wait in the terminal for the browser.
    private func awaitStart() -> StartOutcome {
        while true {
            let (stage, note) = start.current
            switch stage {
            case .ready(let model): return .ready(model)
            case .failed: return .ended(.startFailed)
            case .waiting(let phase): drawStart(phase: phase, note: note)
            }
            // The terminal is polled for hang-ups only (always reported, whatever the events).
            var fds = [pollfd(fd: input, events: 0, revents: 0), pollfd(fd: pipe.readEnd, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return .ended(.terminalGone)
            }
            if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .ended(.terminalGone) }
            for byte in pipe.drain() {
                let number = Int32(byte)
                if number == SIGINT || number == SIGTERM || number == SIGHUP { return .ended(.signal(number)) }
                if byte == SelfPipe.windowChanged { followTerminalSize() }
            }
        }
    }

    private func drawStart(phase: String, note: String?) {
        guard let window, let surface else { return }
        let grid = BrowserRenderer.renderStart(
            phase: phase, note: note, width: Int(authdesk_getmaxx(window)), height: Int(authdesk_getmaxy(window)),
            options: renderOptions)
        writer.show(grid, on: surface)
        StartTrace.mark("first frame drawn")
    }

    /// curses on the process's own stdin and stdout, or on copies of the given descriptors.
    private func newScreen(_ term: String) -> OpaquePointer? {
        if input == STDIN_FILENO && output == STDOUT_FILENO { return authdesk_newterm(term) }
        guard let outFile = fdopen(dup(output), "w") else { return nil }
        files.append(outFile)
        guard let inFile = fdopen(dup(input), "r") else { return nil }
        files.append(inFile)
        return newterm(term, outFile, inFile)
    }

    private func closeFiles() {
        for file in files { fclose(file) }
        files = []
    }

    private func loop(_ model: BrowserViewModel) -> Ending {
        var idleWakeups = 0
        while true {
            let state = draw(model)
            if state.quitRequested || model.bulk?.state.quitRequested == true { return .quit }

            var fds = [
                pollfd(fd: input, events: Int16(POLLIN), revents: 0),
                pollfd(fd: pipe.readEnd, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return .terminalGone
            }
            if fds[1].revents & Int16(POLLIN) != 0 {
                for byte in pipe.drain() {
                    let number = Int32(byte)
                    if number == SIGINT || number == SIGTERM || number == SIGHUP { return .signal(number) }
                    if byte == SelfPipe.windowChanged { followTerminalSize() }
                }
            }
            let terminal = fds[0].revents
            let hangup = terminal & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
            if terminal & Int16(POLLIN) != 0 {
                let keys = readKeys(model)
                if keys == 0 && hangup { return .terminalGone }
                if keys == 0 {
                    // Readable but nothing to read, again and again: end of file or EIO.
                    idleWakeups += 1
                    if idleWakeups >= 8 { return .terminalGone }
                } else {
                    idleWakeups = 0
                }
            } else if hangup {
                return .terminalGone
            } else {
                // A resize wakes the pipe; curses reports it as KEY_RESIZE on the next read.
                _ = readKeys(model)
            }
        }
    }

    /// Resizes curses to the terminal's size when it changed. ncurses's own SIGWINCH handling
    /// alone can miss a resize (seen after a suspend and resume), so the 'W' from the chained
    /// handler is acted on here as well; a KEY_RESIZE that follows finds nothing left to do.
    private func followTerminalSize() {
        guard let window else { return }
        var rows: Int32 = 0
        var columns: Int32 = 0
        guard authdesk_terminal_size(output, &rows, &columns) == 0
            || authdesk_terminal_size(input, &rows, &columns) == 0
        else { return }
        if rows != authdesk_getmaxy(window) || columns != authdesk_getmaxx(window) {
            resize_term(rows, columns)
            writer.invalidate()
        }
    }

    /// Hands a key to the screen in front: the bulk reset screen while it is open, else the browser.
    private func route(_ key: Key, to model: BrowserViewModel) {
        if let bulk = model.bulk, bulk.state.isOpen { bulk.press(key) } else { model.press(key) }
    }

    /// Feeds every key waiting to the view model; returns how many events were read.
    private func readKeys(_ model: BrowserViewModel) -> Int {
        guard let window else { return 0 }
        var count = 0
        while true {
            var code: wint_t = 0
            let result = wget_wch(window, &code)
            if result == ERR { break }
            count += 1
            if result == KEY_CODE_YES, Int32(code) == KEY_RESIZE {
                writer.invalidate()
                continue
            }
            for key in decoder.feed(code: code, isKeyCode: result == KEY_CODE_YES) {
                route(key, to: model)
                if model.state.quitRequested || model.bulk?.state.quitRequested == true { return count }
            }
        }
        for key in decoder.endOfBatch() { route(key, to: model) }
        return count
    }

    /// Lays out for the current size, tells the view model its page sizes, draws the changes.
    @discardableResult
    private func draw(_ model: BrowserViewModel) -> BrowserState {
        guard let window, let surface else { return model.state }
        let height = Int(authdesk_getmaxy(window))
        let width = Int(authdesk_getmaxx(window))
        let layout = BrowserLayout(width: width, height: height)
        if !layout.isTooSmall { model.setViewport(usersRows: layout.usersRows, methodsRows: layout.methodsRows) }
        let state = model.state
        guard !state.quitRequested else { return state }
        if state.redrawRequests != redrawRequests {
            redrawRequests = state.redrawRequests
            writer.invalidate()
        }
        if let bulk = model.bulk, bulk.state.isOpen {
            bulk.setViewport(rows: BulkRenderer.listRows(height: height))
            writer.show(
                BulkRenderer.render(bulk.state, tenantColor: state.tenancy.current.color, width: width, height: height, options: renderOptions),
                on: surface)
            return state
        }
        let grid = BrowserRenderer.render(state, width: width, height: height, options: renderOptions)
        writer.show(grid, on: surface)
        if StartTrace.isOn { traceStart(state) }
        if state.copyRequests != copyRequests {
            copyRequests = state.copyRequests
            if let secret = state.dialog?.secret { copyToClipboard(secret.reveal()) }
        }
        return state
    }

    /// Notes the first frame, and the first with the list's first page (``StartTrace``).
    private func traceStart(_ state: BrowserState) {
        StartTrace.mark("first frame drawn")
        if state.list.status == .loaded { StartTrace.finish("first page drawn") }
    }

    /// Puts `text` on the operator's own clipboard: the OSC 52 escape, which the terminal (or
    /// tmux with `set-clipboard on`) carries across SSH. Written straight to the terminal, after
    /// curses has flushed its frame; never logged.
    private func copyToClipboard(_ text: String) {
        let sequence = Array(Self.clipboardSequence(text).utf8)
        var offset = 0
        while offset < sequence.count {
            let written = sequence[offset...].withUnsafeBytes { Glibc.write(output, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }

    /// `ESC ] 52 ; c ; <base64> BEL`.
    static func clipboardSequence(_ text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }

    private func restore() {
        start.stopObserving()
        if let model {
            model.stop()
            model.observe { _ in }
            Self.pauseRunningJob(model.bulk)
            model.bulk?.stop()
            model.bulk?.observe { _ in }
        }
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
        closeFiles()
        window = nil
        authdesk_restore_signals()
    }
}
