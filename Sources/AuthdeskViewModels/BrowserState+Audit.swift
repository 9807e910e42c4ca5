import AuthdeskAudit
import AuthdeskCore
import AuthdeskJournal

extension BrowserState {
    // MARK: Keys

    /// Keys for the journal screen and the ticket prompt, which take every key while open; nil
    /// when neither is open.
    mutating func pressInAuditScreens(_ key: Key) -> [BrowserEffect]? {
        if var journal {
            let action = keyMap.action(for: key, in: [journal.keyScope])
            switch journal.press(action, key: key, page: max(1, list.rows + methodsPane.rows)) {
            case .none:
                self.journal = journal
                return []
            case .close:
                self.journal = nil
                return []
            case .export(let entries):
                journal.message = "Exporting \(entries.count) entr\(entries.count == 1 ? "y" : "ies")…"
                journal.messageIsError = false
                self.journal = journal
                return [.exportJournal(entries)]
            case .undo(let entry):
                self.journal = journal
                return entry.id.map { [.planUndo($0)] } ?? []
            case .confirmUndo(let id, let verification):
                self.journal = journal
                return [.undoEntry(id, verification: verification)]
            }
        }
        if ticketing.prompt != nil {
            switch ticketing.press(keyMap.action(for: key, in: [.ticketPrompt]), key: key) {
            case .typing: return []
            case .answered(let text): return setTicket(text)
            }
        }
        return nil
    }

    /// After a change dialog opened: asks for the ticket first if this session has not yet.
    mutating func askTicketIfNeeded() {
        guard dialog != nil else { return }
        ticketing.askIfNeeded()
    }

    // MARK: Commands

    /// `:journal`: opens the journal screen and reads the journal.
    mutating func openJournal() -> [BrowserEffect] {
        journal = JournalViewState()
        input = nil
        return [.loadJournal]
    }

    /// Sets the session's ticket reference (empty: none) and says so.
    mutating func setTicket(_ text: String) -> [BrowserEffect] {
        let reference = text.trimmingCharacters(in: .whitespaces)
        if let problem = ChangeAuditor.ticketProblem(reference) {
            return showFlash(.error, "Ticket: \(problem)")
        }
        ticketing.set(reference)
        let said = ticketing.reference.map { "Ticket \($0): written with every change from now on (:ticket REF changes it)" }
            ?? "No ticket reference for the changes (:ticket REF sets one)"
        return [.setTicket(ticketing.reference)] + showFlash(.info, said)
    }

    // MARK: Answers

    /// The journal's answers: entries read, an export written, an entry that could not be written.
    mutating func auditAnswered(_ event: BrowserEvent) -> [BrowserEffect] {
        switch event {
        case .journalLoaded(let entries):
            journal?.loaded(entries)
            return []
        case .journalFailed(let message):
            journal?.status = .failed(message)
            return []
        case .journalChecked(let verdict, let intact):
            journal?.chain = JournalViewState.Chain(verdict: verdict, isIntact: intact)
            return []
        case .journalExported(let paths):
            journal?.message = "Exported to " + paths.joined(separator: " and ")
            journal?.messageIsError = false
            return []
        case .journalExportFailed(let message):
            journal?.message = "Export failed: \(message)"
            journal?.messageIsError = true
            return []
        case .journalProblem(let message):
            return showFlash(.error, "Warning: \(message)")
        case .undoPlanned(let id, let question, let verifies):
            journal?.askUndo(id, question: question, verifies: verifies)
            return []
        case .undoAnswered(let message, let isError):
            journal?.message = message
            journal?.messageIsError = isError
            guard !isError else { return [] }
            // The undone user's methods changed: the methods pane shows them anew.
            let refresh = methodsPane.methods.userID.map { refreshMethods(of: $0) } ?? []
            return (journal == nil ? [] : [.loadJournal]) + refresh
        default:
            return []
        }
    }
}
