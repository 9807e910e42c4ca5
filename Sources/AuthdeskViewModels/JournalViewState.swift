import AuthdeskCore
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
        /// `u` on an entry: plan its undo (then ask).
        case undo(AuditEntry)
        /// The undo was confirmed, with how the caller was verified (when asked).
        case confirmUndo(Int64, CallerVerification?)
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
    /// The audit log's hash chain as checked when the entries were read.
    public struct Chain: Sendable, Equatable {
        /// `OK: 12 entries intact (...)` or `TAMPERED: entry 4 was edited`.
        public var verdict: String
        public var isIntact: Bool

        public init(verdict: String, isIntact: Bool) {
            self.verdict = verdict
            self.isIntact = isIntact
        }
    }

    /// The chain's verdict, once checked.
    public var chain: Chain?
    /// The undo being asked, if any: it takes every key.
    public var undoPrompt: UndoPrompt?

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

    /// Applies one key, bound to `action` in ``keyScope`` (nil: a key the table does not bind,
    /// typed into the filter while it is open); `page` is how many rows PgUp and PgDn move.
    public mutating func press(_ action: KeyAction?, key: Key, page: Int) -> Outcome {
        if undoPrompt != nil { return pressInUndoPrompt(action, key: key) }
        if isFiltering {
            switch action {
            case .accept:
                isFiltering = false
            case .cancel:
                isFiltering = false
                filter = ""
                selected = 0
            case .deleteBackward:
                if !filter.isEmpty { filter.removeLast() }
                selected = 0
            case .clearInput:
                filter = ""
                selected = 0
            case .moveDown:
                move(by: 1)
            case .moveUp:
                move(by: -1)
            default:
                if let character = key.printable {
                    filter.append(character)
                    selected = 0
                }
            }
            return .none
        }
        switch action {
        case .undo:
            return pressUndo()
        case .back:
            return .close
        case .search:
            isFiltering = true
        case .moveDown:
            move(by: 1)
        case .moveUp:
            move(by: -1)
        case .pageDown:
            move(by: max(1, page))
        case .pageUp:
            move(by: -max(1, page))
        case .top:
            selected = 0
        case .bottom:
            move(by: Int.max / 2)
        case .export:
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
