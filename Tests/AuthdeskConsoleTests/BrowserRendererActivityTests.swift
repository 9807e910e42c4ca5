import AuthdeskConsole
import AuthdeskTeamJournal
import AuthdeskViewModels
import Foundation
import Testing

/// The `:activity` screen at the size the console is designed for: every line wraps inside the
/// box instead of being cut with an ellipsis.
struct BrowserRendererActivityTests {
    /// The browser with `:activity` typed on the command line.
    static func activity(teamMode: Bool, events: [TeamActivityEvent] = []) -> BrowserState {
        var state = Screens.browser()
        state.activity = ActivityScreen(isTeamMode: teamMode)
        for event in events { _ = state.apply(.activityArrived(event)) }
        for key in [Key.character(":")] + "activity".map(Key.character) + [Key.enter] { _ = state.apply(.key(key)) }
        return state
    }

    /// The text inside the box's borders, row after row, its spaces collapsed (wrapping breaks
    /// lines at spaces).
    static func boxText(_ grid: CellGrid) -> String {
        collapsed((2..<(grid.height - 2)).map { y in grid.row(y).replacingOccurrences(of: "\u{2502}", with: " ") }.joined(separator: " "))
    }

    static func collapsed(_ text: String) -> String {
        text.split(separator: " ").joined(separator: " ")
    }

    @Test func teamModeOffIsReadWholeAtEightyColumns() {
        let state = Self.activity(teamMode: false)
        #expect(state.activity.isShown)
        let grid = Screens.render(state, width: 80, height: 24)
        #expect(!grid.text.contains("\u{2026}"))
        let text = Self.boxText(grid)
        for line in state.activity.lines { #expect(text.contains(Self.collapsed(line)), "\(line) in \(text)") }
    }

    @Test func aLongEventWrapsAndTheNextOneFollows() throws {
        let long = TeamActivityEvent(
            kind: .audit, tenant: "contoso", user: "a-very-long-user-id-0123456789abcdef-0123456789abcdef", operator: "alice@jump-1",
            host: "jump-host-number-one.helpdesk.contoso.example", action: "methods delete", outcome: "succeeded",
            at: Date(timeIntervalSince1970: 1_790_000_000))
        let short = TeamActivityEvent(kind: .job, operator: "bob", job: "7", state: "done", at: Date(timeIntervalSince1970: 1_790_000_060))
        let state = Self.activity(teamMode: true, events: [long, short])
        let grid = Screens.render(state, width: 80, height: 24)
        #expect(!grid.text.contains("\u{2026}"))
        let text = Self.boxText(grid)
        for line in state.activity.lines { #expect(text.contains(Self.collapsed(line)), "\(line) in \(text)") }
        // Continuation lines are indented under their event.
        let rows = grid.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = try #require(rows.firstIndex { $0.contains("methods delete") })
        #expect(rows[first + 1].dropFirst(2).hasPrefix("  "))
        #expect(rows[first + 1].dropFirst(4).first != " ")
        // A line that fits keeps its own spacing.
        #expect(grid.text.contains("job 7 is done  bob"))
    }
}
