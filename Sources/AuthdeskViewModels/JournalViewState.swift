import AuthdeskJournal
import Foundation

/// The console's journal screen (`:journal`): the audit entries newest first, filtered as the
/// operator types after `/` (over user, tenant, action, target and ticket), scrolled with
/// j/k/PgUp/PgDn, exported with `e`, left with esc.
public struct JournalViewState: Sendable, Equatable {
    /// Whether the entries are being read, were read, or could not be.
    public enum Status: Sendable, Equatable {
        case loading
        case loaded
        case failed(String)
    }

    /// What a key did in the journal screen.
    public enum Outcome: Sendable, Equatable {
        case none
        case close
        case export([AuditEntry])
    }

    public var status: Status = .loading
    /// Every entry read, newest first.
    public var entries: [AuditEntry] = []
    /// The filter text, as typed.
    public var filter = ""
    /// Whether keys type into the filter (after `/`, until enter or esc).
    public var isFiltering = false
    /// Index into ``visible``.
    public var selected = 0
    /// The last export's files, or why it failed, shown under the list.
    public var message: String?
    public var messageIsError = false

    public init() {}

    /// The entries the filter lets through, newest first.
    public var visible: [AuditEntry] {
        let words = filter.lowercased().split(separator: " ").map(String.init)
        guard !words.isEmpty else { return entries }
        return entries.filter { entry in
            let haystack = [entry.userID, entry.userName ?? "", entry.tenant, entry.action, entry.target ?? "",
                            entry.ticket ?? "", entry.outcome.rawValue]
                .joined(separator: "\u{1F}").lowercased()
            return words.allSatisfy { haystack.contains($0) }
        }
    }

    /// The entries were read (oldest first, as the journal gives them).
    public mutating func loaded(_ oldestFirst: [AuditEntry]) {
        entries = oldestFirst.reversed()
        status = .loaded
        selected = 0
    }

    /// Applies one key; `page` is how many rows PgUp and PgDn move.
    public mutating func press(_ key: Key, page: Int) -> Outcome {
        if isFiltering {
            switch key {
            case .enter:
                isFiltering = false
            case .escape:
                isFiltering = false
                filter = ""
                selected = 0
            case .backspace, .delete:
                if !filter.isEmpty { filter.removeLast() }
                selected = 0
            case .control("u"):
                filter = ""
                selected = 0
            case .down:
                move(by: 1)
            case .up:
                move(by: -1)
            default:
                if let character = key.printable {
                    filter.append(character)
                    selected = 0
                }
            }
            return .none
        }
        switch key {
        case .escape, .character("q"):
            return .close
        case .character("/"):
            isFiltering = true
        case .character("j"), .down:
            move(by: 1)
        case .character("k"), .up:
            move(by: -1)
        case .pageDown, .control("f"), .character(" "):
            move(by: max(1, page))
        case .pageUp, .control("b"):
            move(by: -max(1, page))
        case .character("g"), .home:
            selected = 0
        case .character("G"), .end:
            move(by: Int.max / 2)
        case .character("e"):
            let list = visible
            guard !list.isEmpty else {
                message = "Nothing to export: no entry matches the filter"
                messageIsError = true
                return .none
            }
            return .export(list)
        default:
            break
        }
        return .none
    }

    private mutating func move(by delta: Int) {
        let count = visible.count
        guard count > 0 else {
            selected = 0
            return
        }
        selected = min(max(0, selected.addingReportingOverflow(delta).partialValue), count - 1)
    }
}
