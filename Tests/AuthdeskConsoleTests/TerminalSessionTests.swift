@testable import AuthdeskConsole
import AuthdeskViewModels
import Foundation
import Glibc
import Testing

/// The real curses session on a pseudo-terminal: drawing, keys, signals, hang-up.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct TerminalSessionTests {
    private let environment = TerminalSession.Environment(term: "xterm-256color", noColor: false, escapeDelayGiven: false)

    /// Runs a session on `terminal` on its own thread, as ``ConsoleApp`` does.
    private func start(
        on terminal: PseudoTerminal
    ) -> (model: BrowserViewModel, session: Task<TerminalSession.Ending, any Error>) {
        let model = BrowserViewModel(provider: StaticProvider())
        return (model, session(on: terminal, start: ConsoleStart(ready: model)))
    }

    /// A session on `terminal` that waits for `start`, on its own thread.
    private func session(on terminal: PseudoTerminal, start: ConsoleStart) -> Task<TerminalSession.Ending, any Error> {
        let environment = environment
        return Task {
            try await withCheckedThrowingContinuation { continuation in
                Thread {
                    do {
                        let session = try TerminalSession(
                            start: start, options: ConsoleOptions(), environment: environment,
                            input: terminal.slave, output: terminal.slave)
                        continuation.resume(returning: try session.run())
                    } catch {
                        continuation.resume(throwing: error)
                    }
                }.start()
            }
        }
    }

    /// The session's end; if it does not end by itself, the terminal is hung up after a while
    /// (so a broken quit fails the test instead of hanging it).
    private func end(
        of session: Task<TerminalSession.Ending, any Error>, on terminal: PseudoTerminal
    ) async throws -> TerminalSession.Ending {
        let guardTask = Task {
            try await Task.sleep(for: .seconds(20))
            terminal.hangUp()
        }
        defer { guardTask.cancel() }
        return try await session.value
    }

    /// Waits until the session shows the loaded browser.
    private func ready(_ terminal: PseudoTerminal, _ model: BrowserViewModel) async -> Bool {
        let banner = await terminal.waitForOutput(containing: " contoso · Microsoft Entra ID · contoso.com")
        let loaded = await terminal.waitUntil { model.state.methods.userID == "u1" && model.state.pendingRequests == 0 }
        return banner && loaded
    }

    @Test func drawsTheBrowserAndQuitsOnQ() async throws {
        let terminal = try PseudoTerminal()
        defer { terminal.hangUp(); terminal.closeSlave() }
        let (model, session) = start(on: terminal)
        #expect(await ready(terminal, model))
        terminal.type("q")
        let ending = try await end(of: session, on: terminal)
        #expect(ending == .quit)
        #expect(ending.status == 0)
        #expect(await terminal.waitForOutput(containing: "\u{1B}[?1049l"), "endwin left the alternate screen")
    }

    @Test func drawsTheStartingFrameUntilTheBrowserIsReady() async throws {
        let terminal = try PseudoTerminal()
        defer { terminal.hangUp(); terminal.closeSlave() }
        let start = ConsoleStart(waitingFor: "Opening the tenants")
        let session = session(on: terminal, start: start)
        #expect(await terminal.waitForOutput(containing: "Opening the tenants"))
        // A new phase redraws the frame (its flash line was blank: the note is written whole).
        start.report("Signing in to contoso")
        start.note("enter the code ABCD1234")
        #expect(await terminal.waitForOutput(containing: "enter the code ABCD1234"))
        terminal.type("?")  // typed during the start: waits in the terminal for the browser
        let model = BrowserViewModel(provider: StaticProvider())
        start.ready(model)
        // Only the cells that changed are written: the banner's words, not its whole line.
        #expect(await terminal.waitForOutput(containing: "Microsoft Entra ID"))
        #expect(await terminal.waitUntil { model.state.methods.userID != nil && model.state.pendingRequests == 0 })
        #expect(await terminal.waitUntil { model.state.help.isShown })
        terminal.type("?")
        #expect(await terminal.waitUntil { !model.state.help.isShown })
        terminal.type("q")
        #expect(try await end(of: session, on: terminal) == .quit)
    }

    @Test func aFailedStartEndsTheSessionWithTheTerminalRestored() async throws {
        let terminal = try PseudoTerminal()
        defer { terminal.hangUp(); terminal.closeSlave() }
        let start = ConsoleStart(waitingFor: "Opening the tenants")
        let session = session(on: terminal, start: start)
        #expect(await terminal.waitForOutput(containing: "Opening the tenants"))
        start.fail()
        let ending = try await end(of: session, on: terminal)
        #expect(ending == .startFailed)
        #expect(await terminal.waitForOutput(containing: "\u{1B}[?1049l"), "endwin left the alternate screen")
    }

    @Test func aSignalDuringTheStartEndsTheSession() async throws {
        let terminal = try PseudoTerminal()
        defer { terminal.hangUp(); terminal.closeSlave() }
        let session = session(on: terminal, start: ConsoleStart(waitingFor: "Opening the tenants"))
        #expect(await terminal.waitForOutput(containing: "Opening the tenants"))
        kill(getpid(), SIGTERM)
        #expect(try await end(of: session, on: terminal) == .signal(SIGTERM))
    }

    @Test func keysReachTheViewModel() async throws {
        let terminal = try PseudoTerminal()
        defer { terminal.hangUp(); terminal.closeSlave() }
        let (model, session) = start(on: terminal)
        #expect(await ready(terminal, model))
        terminal.type("j")
        #expect(await terminal.waitUntil { model.state.list.selected == 1 })
        terminal.type("?")
        #expect(await terminal.waitUntil { model.state.help.isShown })
        terminal.type("\u{1B}")
        #expect(await terminal.waitUntil { !model.state.help.isShown })
        terminal.type(":q\r")
        #expect(try await end(of: session, on: terminal) == .quit)
    }

    @Test func endsWhenTheTerminalHangsUp() async throws {
        let terminal = try PseudoTerminal()
        let (model, session) = start(on: terminal)
        #expect(await ready(terminal, model))
        terminal.hangUp()
        let ending = try await end(of: session, on: terminal)
        terminal.closeSlave()
        #expect(ending == .terminalGone)
        #expect(ending.status == 129)
    }

    @Test func endsCleanlyOnSIGTERM() async throws {
        let terminal = try PseudoTerminal()
        defer { terminal.hangUp(); terminal.closeSlave() }
        let (model, session) = start(on: terminal)
        #expect(await ready(terminal, model))
        kill(getpid(), SIGTERM)
        let ending = try await end(of: session, on: terminal)
        #expect(ending == .signal(SIGTERM))
        #expect(ending.status == 143)
        #expect(await terminal.waitForOutput(containing: "\u{1B}[?1049l"))
    }

    @Test func refusesWhatIsNotATerminal() throws {
        var fds: [Int32] = [-1, -1]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        let session = try TerminalSession(
            model: BrowserViewModel(provider: StaticProvider()), options: ConsoleOptions(),
            environment: environment, input: fds[0], output: fds[1])
        #expect(throws: ConsoleError.notATerminal) { try session.run() }
    }

    @Test func anUnknownTerminalTypeIsAClearError() async throws {
        let terminal = try PseudoTerminal()
        defer { terminal.hangUp(); terminal.closeSlave() }
        let session = try TerminalSession(
            model: BrowserViewModel(provider: StaticProvider()), options: ConsoleOptions(),
            environment: .init(term: "no-such-terminal", noColor: false, escapeDelayGiven: false),
            input: terminal.slave, output: terminal.slave)
        #expect(throws: ConsoleError.unknownTerminal("no-such-terminal")) { try session.run() }
        #expect(ConsoleError.unknownTerminal("x").description.contains("TERM=x is unknown"))
    }

    @Test func copyingIsTheOSC52Escape() {
        #expect(TerminalSession.clipboardSequence("hunter2") == "\u{1B}]52;c;aHVudGVyMg==\u{07}")
    }
}
