import CNcursesw
import Synchronization

/// What the console asks of the terminal before it touches it: a known terminal type that can
/// move the cursor (terminfo's `cup`). A `dumb` terminal, an unset `TERM` or a type terminfo
/// does not know is refused up front, with the terminal left as it was.
public enum TerminalRequirement {
    /// terminfo's reading goes through ncurses' one global `cur_term`: two checks at once would
    /// read each other's entry, so they take turns.
    private static let terminfo = Mutex(())

    /// Throws when terminal type `term` (`TERM`; nil when unset) cannot run the console.
    /// Reads the terminfo entry only; writes nothing to the terminal.
    public static func check(term: String?) throws(ConsoleError) {
        guard let term, !term.isEmpty else { throw .noTerminalType }
        switch terminfo.withLock({ _ in authdesk_term_can_address(term) }) {
        case 1: return
        case 0: throw .noCursorAddressing(term)
        default: throw .unknownTerminal(term)
        }
    }
}
