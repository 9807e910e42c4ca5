import AuthdeskCore
import AuthdeskJournal
import AuthdeskViewModels

extension BrowserRenderer {
    /// The journal screen (`:journal`): every row below the banner; the filter line, the
    /// entries newest first, the export message and the keys.
    mutating func drawJournal(_ journal: JournalViewState) {
        let width = grid.width
        let top = layout.banner.y + 1
        let bottom = grid.height - 1
        guard bottom - top >= 4 else { return }

        // Filter line.
        var x = 1
        x += put("/", at: x, top, style: journal.isFiltering ? theme.prompt : theme.secondary)
        x += 1
        let visible = journal.visible
        let count = "\(visible.count) of \(journal.entries.count) entr\(journal.entries.count == 1 ? "y" : "ies")"
        let countWidth = text(count).width
        if journal.filter.isEmpty && !journal.isFiltering {
            put("press / to filter by user, tenant, action or ticket", at: x, top, style: theme.secondary,
                width: width - x - countWidth - 2)
        } else {
            x += put(fitTail(journal.filter, width: width - x - countWidth - 3), at: x, top, style: theme.text)
            if journal.isFiltering { grid.set(Cell(" ", style: theme.cursor), x: x, y: top) }
        }
        put(count, at: width - countWidth - 1, top, style: theme.secondary)

        // Header and rows.
        let columns = journalColumns(width: width)
        let headerY = top + 1
        for column in columns {
            put(column.title, at: column.x, headerY, style: theme.header, width: column.width)
        }
        let listTop = headerY + 1
        let rows = max(1, bottom - 1 - listTop - (journal.undoPrompt.map { Self.undoPromptHeight($0) - 1 } ?? 0))
        switch journal.status {
        case .loading:
            put("Reading the journal" + glyphs.ellipsis, at: 1, listTop, style: theme.secondary)
        case .failed(let message):
            drawMessage("The journal cannot be read: \(message)", style: theme.error,
                        in: Rect(x: 1, y: listTop, width: width - 2, height: rows))
        case .loaded where visible.isEmpty:
            let message = journal.entries.isEmpty ? "No changes journalled yet" : "No entry matches \u{201C}\(journal.filter)\u{201D}"
            put(message, at: 1, listTop, style: theme.secondary)
        case .loaded:
            let first = journal.selected < rows ? 0 : journal.selected - rows + 1
            for (offset, entry) in visible.dropFirst(first).prefix(rows).enumerated() {
                let y = listTop + offset
                let selected = first + offset == journal.selected
                let style = selected ? theme.selection : (entry.outcome == .succeeded ? theme.text : theme.error)
                if selected { grid.fill(x: 0, y: y, width: width, height: 1, style: theme.selection) }
                for column in columns {
                    put(column.value(entry), at: column.x, y, style: style, width: column.width)
                }
            }
        }

        // Message and keys.
        if let message = journal.message {
            put(message, at: 1, bottom - 1, style: journal.messageIsError ? theme.error : theme.info, width: width - 2)
        } else if let chain = journal.chain {
            put("Audit chain: " + chain.verdict, at: 1, bottom - 1, style: chain.isIntact ? theme.secondary : theme.error,
                width: width - 2)
        }
        if let prompt = journal.undoPrompt { drawUndoPrompt(prompt, above: bottom) }
        grid.putHints(
            state.keyMap.hints(in: [journal.keyScope]), x: 1, y: bottom, limit: width - 1, keyStyle: theme.hintKey,
            textStyle: theme.hintText, ellipsis: glyphs.ellipsis)
    }

    private struct JournalColumn {
        var title: String
        var x: Int
        var width: Int
        var value: (AuditEntry) -> String
    }

    /// When, tenant, user, action and target, outcome, ticket, request id: the wide columns
    /// shrink first on a narrow screen.
    private func journalColumns(width: Int) -> [JournalColumn] {
        let fixed: [(String, Int, (AuditEntry) -> String)] = [
            ("When (UTC)", 20, { AuthMethod.timestamp($0.at) }),
            ("Tenant", 10, { $0.tenant }),
            ("Outcome", 9, { $0.outcome.rawValue }),
            ("Ticket", 10, { $0.ticket ?? "" }),
        ]
        let flexible: [(String, Int, (AuditEntry) -> String)] = [
            ("User", 3, { $0.userName ?? $0.userID }),
            ("Action", 4, { [$0.action, $0.target].compactMap { $0 }.joined(separator: " ") }),
            ("Request id", 2, { $0.requestID ?? "" }),
        ]
        let fixedWidth = fixed.reduce(0) { $0 + $1.1 + 1 }
        let room = max(30, width - 2 - fixedWidth)
        let weights = flexible.reduce(0) { $0 + $1.1 }
        var columns: [JournalColumn] = []
        var x = 1
        func add(_ title: String, _ w: Int, _ value: @escaping (AuditEntry) -> String) {
            columns.append(JournalColumn(title: title, x: x, width: max(1, w), value: value))
            x += w + 1
        }
        add(fixed[0].0, fixed[0].1, fixed[0].2)
        add(fixed[1].0, fixed[1].1, fixed[1].2)
        add(flexible[0].0, room * flexible[0].1 / weights - 1, flexible[0].2)
        add(flexible[1].0, room * flexible[1].1 / weights - 1, flexible[1].2)
        add(fixed[2].0, fixed[2].1, fixed[2].2)
        add(fixed[3].0, fixed[3].1, fixed[3].2)
        add(flexible[2].0, max(1, width - x - 1), flexible[2].2)
        return columns.filter { $0.x < width - 1 }
    }

    /// The ticket question on the status line, with the text typed so far.
    mutating func drawTicketPrompt(_ prompt: TicketPrompt, in rect: Rect) {
        var x = rect.x + 1
        x += put(TicketPrompt.label, at: x, rect.y, style: theme.prompt, width: rect.width - 12)
        x += put(fitTail(prompt.text, width: max(1, rect.width - x - 2)), at: x, rect.y, style: theme.text)
        grid.set(Cell(" ", style: theme.cursor), x: x, y: rect.y)
    }
}
