import AuthdeskViewModels

extension BrowserRenderer {
    /// One line of a dialog's content, before it is placed.
    private enum DialogLine {
        case text(String, CellStyle)
        case field(Int)
        case fact(String, String, CellStyle)
        case secret
        case qr(Int)
        case buttons
        case blank
    }

    /// The open dialog, centred over the panes: what will happen to whom in which tenant, the
    /// fields, the service's refusal or the result, and the buttons.
    mutating func drawDialog() {
        guard let dialog = state.dialog else { return }
        let body = layout.body
        let width = min(body.width - 4, 72)
        let inner = width - 4
        guard inner > 10 else { return }
        var labels = dialog.fields.map(\.label)
        if dialog.phase == .result {
            labels.append(dialog.secretLabel)
            if dialog.operationID != nil { labels += ["Status", "So far", "Elapsed", "First check"] }
        }
        let labelWidth = min(max(8, labels.map { text($0).width }.max() ?? 0), inner / 3)

        let qrCode = qrCodeLines(dialog)
        var lines: [DialogLine] = []
        func wrap(_ message: String, _ style: CellStyle, indent: Int = 0) {
            for line in TextWrap.lines(message, width: inner - indent, asciiOnly: options.asciiText) {
                lines.append(.text(String(repeating: " ", count: indent) + line, style))
            }
        }
        wrap(dialog.summary, theme.text)
        if dialog.phase != .result {
            for (line, style) in preflightLines(dialog) { wrap(line, style) }
            for line in dialog.requests?.lines ?? [] {
                wrap(line.replacingOccurrences(of: "…", with: glyphs.ellipsis), theme.secondary)
            }
        }
        lines.append(.blank)
        for (index, field) in dialog.fields.enumerated() where dialog.isActive(index) {
            lines.append(.field(index))
            if dialog.phase != .result, let problem = dialog.visibleProblem(for: field.id) {
                wrap(problem, theme.error, indent: labelWidth + 2)
            }
        }
        switch dialog.phase {
        case .editing:
            if dialog.kind.isDestructive && dialog.fields.isEmpty { wrap("This cannot be undone.", theme.secondary) }
        case .sending:
            wrap("Sending" + glyphs.ellipsis, theme.secondary)
        case .refused(let error):
            wrap("Refused: \(error.description)", theme.error)
        case .result:
            for line in dialog.resultLines { wrap(line, theme.info) }
            if dialog.secret != nil {
                lines.append(.secret)
                if let qr = qrCode {
                    if options.asciiText {
                        wrap("The QR code needs a Unicode terminal (not --ascii); c copies the URI.", theme.secondary)
                    } else if qr.width <= inner, lines.count + qr.lines.count + 6 <= body.height {
                        lines += qr.lines.indices.map { DialogLine.qr($0) }
                    } else {
                        wrap("The QR code needs \(qr.width + 8) columns and \(lines.count + qr.lines.count + 8) rows; "
                            + "enlarge the terminal, or c copies the URI.", theme.secondary)
                    }
                }
                wrap("Shown this once: it is kept nowhere and gone when this dialog closes.", theme.secondary)
            }
            if let operation = state.operation, operation.id == dialog.operationID {
                let spin = operation.isFinished ? "" : glyphs.spinner[operation.spinnerFrame % glyphs.spinner.count] + " "
                let style = operation.status == .failed || operation.error != nil ? theme.error
                    : operation.status == .succeeded ? theme.info : theme.text
                var status = spin + (operation.status?.rawValue ?? "waiting for the first status")
                if let detail = operation.statusDetail, !detail.isEmpty { status += " (\(detail))" }
                lines.append(.fact("Status", status, style))
                if !operation.history.isEmpty {
                    lines.append(.fact("So far", operation.history.map(\.status.rawValue).joined(separator: " > "), theme.secondary))
                }
                lines.append(.fact("Elapsed", "\(operation.elapsedSeconds)s", theme.text))
                if operation.history.isEmpty, let first = operation.firstPollAfter {
                    lines.append(.fact("First check", "after \(first.components.seconds)s", theme.secondary))
                }
                if let error = operation.error { wrap(error.description, theme.error) }
                if !operation.isFinished {
                    wrap("esc closes this; the banner follows the reset to its end.", theme.secondary)
                }
            }
            if let notice = dialog.notice { wrap(notice, theme.info) }
        }
        if dialog.phase != .result, let notice = dialog.notice { wrap(notice, theme.info) }
        lines.append(.blank)
        lines.append(.buttons)

        let height = min(body.height, lines.count + 2)
        let x = body.x + (body.width - width) / 2
        let y = body.y + max(0, (body.height - height) / 2)
        let box = Rect(x: x, y: y, width: width, height: height)
        grid.fill(x: box.x, y: box.y, width: box.width, height: box.height, style: theme.text)
        drawBox(box, title: dialog.kind.title, focused: true, footer: nil)
        var row = box.y + 1
        let left = box.x + 2
        // Keep the buttons when the content is taller than the room: drop lines above them.
        let room = height - 2
        let shown = lines.count <= room ? lines : Array(lines.prefix(room - 1)) + [.buttons]
        for line in shown {
            switch line {
            case .blank:
                break
            case .text(let string, let style):
                put(string, at: left, row, style: style, width: inner)
            case .fact(let label, let value, let style):
                put(label, at: left, row, style: theme.label, width: labelWidth)
                put(value, at: left + labelWidth + 2, row, style: style, width: inner - labelWidth - 2)
            case .field(let index):
                drawField(dialog, index, x: left, y: row, labelWidth: labelWidth, width: inner)
            case .secret:
                put(dialog.secretLabel, at: left, row, style: theme.label, width: labelWidth)
                if let secret = dialog.secret {
                    let shownText = dialog.revealed
                        ? secret.reveal() : String(repeating: glyphs.mask, count: min(secret.reveal().count, 24))
                    let used = put(shownText, at: left + labelWidth + 2, row, style: theme.prompt, width: inner - labelWidth - 2)
                    let hint = dialog.revealed ? "  r hides" : "  r reveals, c copies"
                    put(hint, at: left + labelWidth + 2 + used, row, style: theme.secondary, width: inner - labelWidth - 2 - used)
                }
            case .qr(let index):
                if let qr = qrCode { drawQrLine(qr.lines[index], x: box.x + (box.width - qr.width) / 2, y: row) }
            case .buttons:
                drawButtons(dialog, y: row, box: box)
            }
            row += 1
        }
    }

    /// Who acts (once known) and the pre-flight: "checking…", a warning, or a known refusal.
    private func preflightLines(_ dialog: DialogState) -> [(String, CellStyle)] {
        var lines: [(String, CellStyle)] = []
        if let profile = state.operatorProfile {
            lines.append(("You: " + profile.line.replacingOccurrences(of: "signed in as ", with: "")
                .replacingOccurrences(of: "·", with: glyphs.separator), theme.secondary))
        }
        guard let line = dialog.preflightLine else { return lines }
        switch dialog.preflight?.verdict?.level {
        case .refused?: lines.append((line, theme.error))
        case .warning?: lines.append((line, theme.warning))
        default: lines.append((line.replacingOccurrences(of: "…", with: glyphs.ellipsis), theme.secondary))
        }
        return lines
    }

    private mutating func drawField(_ dialog: DialogState, _ index: Int, x: Int, y: Int, labelWidth: Int, width: Int) {
        let field = dialog.fields[index]
        let focused = dialog.focus == .field(index) && dialog.phase != .result
        put(field.label, at: x, y, style: focused ? theme.prompt : theme.label, width: labelWidth)
        let valueX = x + labelWidth + 2
        let room = width - labelWidth - 2
        switch field.kind {
        case .choice:
            let label = "< \(field.chosen) >"
            put(label, at: valueX, y, style: focused ? theme.selection : theme.text, width: room)
        case .text(let masked):
            let value = masked ? String(repeating: glyphs.mask, count: field.text.count) : field.text
            if value.isEmpty && !focused {
                put(field.placeholder, at: valueX, y, style: theme.secondary, width: room)
                return
            }
            let fieldStyle = CellStyle(underline: true)
            grid.fill(x: valueX, y: y, width: room - 1, height: 1, style: fieldStyle)
            let beforeCursor = String(value.prefix(field.cursor))
            let fits = text(beforeCursor).width < room - 1
            let visible = fits ? value : fitTail(beforeCursor, width: room - 2)
            put(visible, at: valueX, y, style: fieldStyle, width: room - 1)
            if focused {
                let cursorX = valueX + (fits ? text(beforeCursor).width : text(visible).width)
                let under = grid[cursorX, y].text
                grid.set(Cell(under.isEmpty ? " " : under, style: theme.cursor), x: cursorX, y: y)
            }
        }
    }

    private mutating func drawButtons(_ dialog: DialogState, y: Int, box: Rect) {
        let buttons: [(String, Bool)]
        if dialog.phase == .result {
            buttons = [("Close", true)]
        } else {
            buttons = dialog.buttons.map { control in
                (control == .cancel ? "Cancel" : dialog.confirmLabel, dialog.focus == control)
            }
        }
        let labels = buttons.map { "[ \($0.0) ]" }
        let total = labels.reduce(0) { $0 + text($1).width } + 2 * (labels.count - 1)
        var x = box.x + (box.width - total) / 2
        for (label, button) in zip(labels, buttons) {
            x += put(label, at: x, y, style: button.1 ? theme.selection : theme.text)
            x += 2
        }
    }
}
