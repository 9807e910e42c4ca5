import AuthdeskViewModels

extension BrowserRenderer {
    /// The help screen: every binding of the key table, by scope, in as many columns as the
    /// width allows, then the `:` commands. Generated from the table, so it cannot go stale.
    mutating func drawHelp() {
        let rect = layout.body
        drawBox(
            rect, title: "Help: keys" + (state.readOnly ? " (read-only: changes are disabled)" : ""), focused: true,
            footer: state.operatorLine?.replacingOccurrences(of: "·", with: glyphs.separator))
        let inner = rect.inner
        guard inner.width > 4, inner.height > 0 else { return }

        enum Line {
            case heading(String)
            case entry(String, String)
        }
        var lines: [Line] = []
        for section in state.keyMap.helpSections() {
            lines.append(.heading(section.scope.title))
            for entry in section.entries { lines.append(.entry(entry.keyLabel, entry.description)) }
        }
        lines.append(.heading("Commands"))
        var commands: [(String, String)] = []
        for command in BrowserState.commands {
            if let i = commands.firstIndex(where: { $0.1 == command.description }) {
                commands[i].0 += ", :" + command.name
            } else {
                commands.append((":" + command.name, command.description))
            }
        }
        for command in commands { lines.append(.entry(command.0, command.1)) }
        let top = min(max(0, state.helpTop), max(0, lines.count - 1))

        let keyWidth = lines.compactMap { line -> Int? in
            if case .entry(let key, _) = line { return text(key).width }
            return nil
        }.max() ?? 0
        let columnWidth = lines.map { line -> Int in
            switch line {
            case .heading(let title): text(title).width
            case .entry(_, let description): 2 + keyWidth + 2 + text(description).width
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
            case .entry(let key, let description):
                put(key, at: x + 2, y, style: theme.hintKey, width: room - 2)
                put(description, at: x + 2 + keyWidth + 2, y, style: theme.text, width: room - keyWidth - 4)
            }
            row += 1
        }
    }
}
