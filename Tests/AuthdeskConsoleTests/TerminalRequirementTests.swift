import AuthdeskConsole
import Testing

/// The console refuses, before touching the terminal, a terminal type that cannot move the
/// cursor, an unset `TERM` and a type terminfo does not know; vt100 (no colour) is enough.
struct TerminalRequirementTests {
    @Test func terminalsThatAddressTheCursorAreAccepted() throws {
        try TerminalRequirement.check(term: "xterm-256color")
        try TerminalRequirement.check(term: "vt100")
    }

    @Test func dumbIsRefusedWithWhatToDo() {
        #expect(throws: ConsoleError.noCursorAddressing("dumb")) { try TerminalRequirement.check(term: "dumb") }
        let message = ConsoleError.noCursorAddressing("dumb").description
        #expect(message.contains("TERM=dumb"))
        #expect(message.contains("cursor addressing"))
        #expect(message.contains("TERM=xterm-256color"))
        #expect(message.contains("vt100"))
        #expect(message.contains("command-line commands"))
    }

    @Test func unsetAndUnknownTypesAreRefused() {
        #expect(throws: ConsoleError.noTerminalType) { try TerminalRequirement.check(term: nil) }
        #expect(throws: ConsoleError.noTerminalType) { try TerminalRequirement.check(term: "") }
        #expect(throws: ConsoleError.unknownTerminal("no-such-terminal")) {
            try TerminalRequirement.check(term: "no-such-terminal")
        }
        #expect(ConsoleError.noTerminalType.description.contains("TERM is not set"))
    }
}
