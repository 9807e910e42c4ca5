import AuthdeskViewModels

extension BrowserRenderer {
    /// The help screen: every binding of the key table, by scope, in as many columns as the
    /// width allows, the `:` commands, then the bulk screen's bindings. Generated from the
    /// tables, so it cannot go stale.
    mutating func drawHelp() {
        if let whoami = state.whoami { return drawWhoami(whoami) }
        if state.activity.isShown { return drawActivity(state.activity) }
        let rect = layout.body
        drawBox(
            rect, title: "Help: keys" + (state.readOnly ? " (read-only: changes are disabled)" : ""), focused: true,
            footer: state.operatorLine?.replacingOccurrences(of: "·", with: glyphs.separator))
        let inner = rect.inner
        guard inner.width > 4, inner.height > 0 else { return }

        enum Line {
            case heading(String)
            /// A key, what it does, and the width of its block's key column.
            case entry(String, String, keyWidth: Int)
        }
        typealias Section = (title: String, entries: [(key: String, description: String)])
        var lines: [Line] = []
        /// Adds one block of entries (the browser's and the commands, or one bulk screen phase's),
        /// their descriptions aligned after the block's widest key.
        func add(_ sections: [Section]) {
            let keyWidth = sections.flatMap(\.entries).map { text($0.key).width }.max() ?? 0
            for section in sections {
                lines.append(.heading(section.title))
                for entry in section.entries { lines.append(.entry(entry.key, entry.description, keyWidth: keyWidth)) }
            }
        }
        func keys(_ sections: [(scope: KeyScope, entries: [KeyMap.Entry])]) -> [Section] {
            sections.map { section in
                (title: section.scope.title, entries: section.entries.map { (key: $0.keyLabel, description: $0.description) })
            }
        }
        let commands = BrowserCommand.all.map { (key: $0.usage, description: $0.description) }
        add(keys(state.keyMap.helpSections()) + [(title: "Commands", entries: commands)])
        // The other screens' sections align each on its own keys, so they never widen the columns.
        for section in keys(state.keyMap.helpSections(KeyScope.screens)) { add([section]) }
        let top = min(max(0, state.help.top), max(0, lines.count - 1))

        let columnWidth = lines.map { line -> Int in
            switch line {
            case .heading(let title): text(title).width
            case .entry(_, let description, let keyWidth): 2 + keyWidth + 2 + text(description).width
            }
        }.max() ?? 0
        let rows = inner.height
        let gap = 3
        var column = 0
        var row = 0
        for (i, line) in lines.enumerated() where i >= top {
            if row == rows {
                column += 1
                row = 0
            }
            // Keep a heading with its first entry.
            if case .heading = line, row == rows - 1 {
                column += 1
                row = 0
            }
            let x = inner.x + 1 + column * (columnWidth + gap)
            let y = inner.y + row
            if x + min(columnWidth, 8) > inner.x + inner.width {
                let note = "\(lines.count - i) more: j scrolls"
                put(note, at: inner.x + inner.width - text(note).width - 1, inner.y + inner.height - 1, style: theme.secondary)
                break
            }
            let room = inner.x + inner.width - x
            switch line {
            case .heading(let title):
                put(title, at: x, y, style: theme.header, width: room)
            case .entry(let key, let description, let keyWidth):
                put(key, at: x + 2, y, style: theme.hintKey, width: room - 2)
                put(description, at: x + 2 + keyWidth + 2, y, style: theme.text, width: room - keyWidth - 4)
            }
            row += 1
        }
    }
}
