import AuthdeskAudit
import AuthdeskCore
import AuthdeskJournal

extension BrowserState {
    // MARK: Keys

    /// Keys for the journal screen and the ticket prompt, which take every key while open; nil
    /// when neither is open.
    mutating func pressInAuditScreens(_ key: Key) -> [BrowserEffect]? {
        if var journal {
            switch journal.press(key, page: max(1, usersRows + methodsRows)) {
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
            }
        }
        if var prompt = ticketPrompt {
            switch key {
            case .enter:
                return setTicket(prompt.text)
            case .escape:
                // No ticket for this session (:ticket sets one later).
                return setTicket("")
            case .backspace, .delete:
                if !prompt.text.isEmpty { prompt.text.removeLast() }
            case .control("u"):
                prompt.text = ""
            default:
                if let character = key.printable, prompt.text.count < 200 { prompt.text.append(character) }
            }
            ticketPrompt = prompt
            return []
        }
        return nil
    }

    /// After a change dialog opened: asks for the ticket first if this session has not yet.
    mutating func askTicketIfNeeded() {
        guard asksTicket, !ticketAsked, dialog != nil else { return }
        ticketPrompt = TicketPrompt(text: ticket ?? "")
    }

    // MARK: Commands

    /// `:journal` and `:ticket [REF]`; nil for any other command.
    mutating func runAuditCommand(_ text: String) -> [BrowserEffect]? {
        if text == "journal" {
            journal = JournalViewState()
            input = nil
            return [.loadJournal]
        }
        if text == "ticket" || text.hasPrefix("ticket ") {
            let reference = String(text.dropFirst("ticket".count)).trimmingCharacters(in: .whitespaces)
            return setTicket(reference)
        }
        return nil
    }

    /// Sets the session's ticket reference (empty: none) and says so.
    private mutating func setTicket(_ text: String) -> [BrowserEffect] {
        let reference = text.trimmingCharacters(in: .whitespaces)
        if let problem = ChangeAuditor.ticketProblem(reference) {
            return showFlash(.error, "Ticket: \(problem)")
        }
        ticketPrompt = nil
        ticketAsked = true
        ticket = reference.isEmpty ? nil : reference
        let said = ticket.map { "Ticket \($0): written with every change from now on (:ticket REF changes it)" }
            ?? "No ticket reference for the changes (:ticket REF sets one)"
        return [.setTicket(ticket)] + showFlash(.info, said)
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
        default:
            return []
        }
    }
}
