import AuthdeskCore
import AuthdeskText
import AuthdeskViewModels

/// Draws the user browser: a pure function of the state, the terminal size and the options,
/// giving a ``CellGrid``. Nothing here touches the terminal, so tests read the grid as text.
public struct BrowserRenderer {
    let state: BrowserState
    let layout: BrowserLayout
    let options: RenderOptions
    let theme: Theme
    var grid: CellGrid

    /// The line-drawing and ellipsis characters the options ask for.
    var glyphs: Glyphs { options.glyphs }

    /// The screen for `state` at `width` x `height`.
    public static func render(_ state: BrowserState, width: Int, height: Int, options: RenderOptions) -> CellGrid {
        var renderer = BrowserRenderer(state: state, width: width, height: height, options: options)
        renderer.draw()
        return renderer.grid
    }

    init(state: BrowserState, width: Int, height: Int, options: RenderOptions) {
        self.state = state
        layout = BrowserLayout(width: width, height: height)
        self.options = options
        theme = Theme(options: options, tenantColor: state.tenancy.current.color.flatMap(TerminalColor.init(name:)))
        grid = CellGrid(width: width, height: height, asciiOnly: options.asciiText)
    }

    mutating func draw() {
        guard grid.width > 0, grid.height > 0 else { return }
        if layout.isTooSmall {
            drawTooSmall()
            return
        }
        drawBanner()
        if let journal = state.journal {
            drawJournal(journal)
            return
        }
        drawSearchLine()
        if state.help.isShown {
            drawHelp()
        } else {
            drawUsers()
            drawMethods()
            if state.accountPane.isShown { drawAccount() } else { drawDetails() }
            if state.dialog != nil { drawDialog() }
            if state.tenancy.picker != nil { drawTenantPicker() }
        }
        drawFlashLine()
        drawHintLine()
    }

    // MARK: Banner, search line, flash line, hints

    private mutating func drawBanner() {
        let rect = layout.banner
        let tenant = state.tenancy.current
        grid.fill(x: rect.x, y: rect.y, width: rect.width, height: 1, style: theme.banner)
        var right: [(String, CellStyle)] = []
        if let operation = state.operation, !operation.isFinished {
            let spin = glyphs.spinner[operation.spinnerFrame % glyphs.spinner.count]
            right.append(("\(spin) reset \(operation.userName): \(operation.line)", theme.bannerAlert))
        }
        if state.pendingRequests > 0 { right.append(("working" + glyphs.ellipsis, theme.banner)) }
        if let marked = state.marking.marks.summary(separator: glyphs.separator) { right.append((marked, theme.banner)) }
        if let ticket = state.ticketing.reference { right.append(("ticket \(ticket)", theme.banner)) }
        if state.readOnly { right.append(("READ-ONLY", theme.bannerAlert)) }
        right.append(("authdesk", theme.banner))
        let rightWidth = right.reduce(0) { $0 + text($1.0).width + 2 } + 1
        let sep = " \(glyphs.separator) "
        let left = " " + tenant.name + sep + tenant.provider.displayName + sep + tenant.domain
        put(left, at: rect.x, rect.y, style: theme.banner, width: max(1, rect.width - rightWidth))
        var x = rect.width - rightWidth + 1
        for (label, style) in right {
            put(" \(label) ", at: x, rect.y, style: style, width: rect.width - x)
            x += text(label).width + 2
        }
    }

    private mutating func drawSearchLine() {
        let rect = layout.search
        let editing = state.input == .search
        let promptStyle = editing ? theme.prompt : theme.secondary
        var x = rect.x + 1
        x += put("/", at: x, rect.y, style: promptStyle)
        x += 1
        let status = searchStatus()
        let statusWidth = text(status).width
        let room = rect.width - x - statusWidth - 2
        if state.list.query.isEmpty && !editing {
            let key = state.keyMap.key(for: .search, in: [.global])?.label ?? "/"
            put("press \(key) to search by name or principal name", at: x, rect.y, style: theme.secondary, width: room)
        } else {
            let shown = fitTail(state.list.query, width: room - 1)
            x += put(shown, at: x, rect.y, style: theme.text, width: room)
            if editing { grid.set(Cell(" ", style: theme.cursor), x: x, y: rect.y) }
        }
        let statusStyle: CellStyle = if case .failed = state.list.status { theme.error } else { theme.secondary }
        put(status, at: rect.width - statusWidth - 1, rect.y, style: statusStyle)
    }

    private func searchStatus() -> String {
        switch state.list.status {
        case .idle: return ""
        case .searching: return "searching" + glyphs.ellipsis
        case .failed: return "search failed"
        case .loaded:
            let count = state.list.users.count
            let more = state.list.nextCursor != nil ? "+" : ""
            return "\(count)\(more) user\(count == 1 && more.isEmpty ? "" : "s")"
        }
    }

    private mutating func drawFlashLine() {
        let rect = layout.flash
        if let prompt = state.ticketing.prompt {
            drawTicketPrompt(prompt, in: rect)
            return
        }
        if state.input == .command {
            var x = rect.x + 1
            x += put(":", at: x, rect.y, style: theme.prompt)
            x += put(fitTail(state.commandLine.text, width: rect.width - x - 2), at: x, rect.y, style: theme.text)
            grid.set(Cell(" ", style: theme.cursor), x: x, y: rect.y)
            return
        }
        guard let flash = state.flashes.current else { return }
        let style = flash.level == .error ? theme.error : theme.info
        put(flash.text, at: rect.x + 1, rect.y, style: style, width: rect.width - 2)
    }

    private mutating func drawHintLine() {
        let rect = layout.hints
        // Too many for the width: drop the marking hints first (they show when room allows),
        // then from the end, but keep the way to help.
        var entries = state.keyMap.hints(in: state.activeScopes)
        func width(_ entry: KeyMap.Entry) -> Int { text(entry.keyLabel).width + 1 + text(entry.description).width + 2 }
        while entries.reduce(0, { $0 + width($1) }) - 2 > rect.width - 2,
            let last = entries.lastIndex(where: { $0.action == .bulkReset })
                ?? entries.lastIndex(where: { $0.action == .toggleMark })
                ?? entries.lastIndex(where: { $0.action != .help && $0.action != .closeHelp })
        {
            entries.remove(at: last)
        }
        grid.putHints(
            entries, x: rect.x + 1, y: rect.y, limit: rect.width - 1, keyStyle: theme.hintKey,
            textStyle: theme.hintText, ellipsis: glyphs.ellipsis)
    }

    // MARK: Panes

    private mutating func drawUsers() {
        let rect = layout.users
        let focused = state.focus == .users && state.input != .command
        var footer: String?
        if !state.list.users.isEmpty {
            let position = "\(state.list.selected + 1)/\(state.list.users.count)\(state.list.nextCursor != nil ? "+" : "")"
            footer = position + (state.list.isLoadingMore ? " loading" + glyphs.ellipsis : "")
        }
        drawBox(rect, title: "Users", focused: focused, footer: footer)
        let inner = rect.inner
        guard inner.width > 4, inner.height > 1 else { return }
        let (nameWidth, principalX, principalWidth) = drawUsersHeader(in: inner)

        let rows = inner.height - 1
        if state.list.users.isEmpty {
            let message: (String, CellStyle) = switch state.list.status {
            case .idle: ("", theme.secondary)
            case .searching: ("Searching" + glyphs.ellipsis, theme.secondary)
            case .failed(let error): (error.description, theme.error)
            case .loaded:
                state.list.query.isEmpty ? ("No users in this tenant", theme.secondary)
                    : ("No user matches \u{201C}\(state.list.query)\u{201D}", theme.secondary)
            }
            drawMessage(message.0, style: message.1, in: Rect(x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, height: rows))
            return
        }
        let top = ListScroll.top(state.list.top, selected: state.list.selected, rows: rows, count: state.list.users.count)
        for row in 0..<rows {
            let index = top + row
            guard index < state.list.users.count else { break }
            let user = state.list.users[index]
            let y = inner.y + 1 + row
            let selected = index == state.list.selected
            let rowStyle = selected ? (focused ? theme.selection : theme.selectionInactive) : theme.text
            if selected { grid.fill(x: inner.x, y: y, width: inner.width, height: 1, style: rowStyle) }
            if selected { put(glyphs.selectionMarker, at: inner.x, y, style: rowStyle) }
            if state.held.lease(tenant: state.tenancy.current.name, userID: user.id) != nil {
                put(glyphs.held, at: inner.x + 1, y, style: selected ? rowStyle : theme.error)
            } else if state.marking.marks.contains(tenant: state.tenancy.current.name, userID: user.id) {
                put(glyphs.mark, at: inner.x + 1, y, style: rowStyle)
            }
            put(user.displayName, at: inner.x + 2, y, style: rowStyle, width: nameWidth)
            put(user.principalName, at: principalX, y, style: selected ? rowStyle : theme.secondary, width: principalWidth)
        }
    }

    private mutating func drawMethods() {
        let rect = layout.methods
        let focused = state.focus == .methods && state.input == nil
        // The methods are nearly always the selected user's: look there before the list's index.
        let methodsUserID = state.methodsPane.methods.userID
        let user = state.list.current.flatMap { $0.id == methodsUserID ? $0 : nil }
            ?? methodsUserID.flatMap { state.list.users.user(id: $0) }
        var footer: String?
        if case .loaded(_, let list) = state.methodsPane.methods, !list.isEmpty {
            footer = "\(state.methodsPane.selected + 1)/\(list.count)"
        }
        let held = user.flatMap { state.held.lease(tenant: state.tenancy.current.name, userID: $0.id) }
        let title = "Methods" + (user.map { " \(glyphs.separator) \($0.displayName)" } ?? "")
        guard let pane = drawPane(rect, title: title, focused: focused, footer: footer) else { return }
        // Who holds the user goes first in the pane, wrapped: a title would cut it at 80 columns.
        let (inner, messageArea) = drawNotice(held.map { "\(glyphs.held) \(HeldUsers.label($0))" }, style: theme.error, in: pane)
        switch state.methodsPane.methods {
        case .none:
            drawMessage(state.list.users.isEmpty ? "" : "No user selected", style: theme.secondary, in: messageArea)
        case .loading:
            drawMessage("Loading methods" + glyphs.ellipsis, style: theme.secondary, in: messageArea)
        case .failed(_, let error):
            drawMessage(error.description, style: theme.error, in: messageArea)
        case .loaded(_, let list):
            if list.isEmpty {
                drawMessage("No authentication methods registered", style: theme.secondary, in: messageArea)
                return
            }
            let widest = list.map { text($0.title).width }.max() ?? 0
            let titleWidth = min(widest, max(8, (inner.width - 2) * 3 / 5))
            let summaryX = inner.x + 2 + titleWidth + 2
            let top = ListScroll.top(state.methodsPane.top, selected: state.methodsPane.selected, rows: inner.height, count: list.count)
            for row in 0..<inner.height {
                let index = top + row
                guard index < list.count else { break }
                let method = list[index]
                let y = inner.y + row
                let selected = index == state.methodsPane.selected
                let rowStyle = selected ? (focused ? theme.selection : theme.selectionInactive) : theme.text
                if selected {
                    grid.fill(x: inner.x, y: y, width: inner.width, height: 1, style: rowStyle)
                    put(glyphs.selectionMarker, at: inner.x, y, style: rowStyle)
                }
                put(method.title, at: inner.x + 2, y, style: rowStyle, width: titleWidth)
                put(method.summary, at: summaryX, y, style: selected ? rowStyle : theme.secondary, width: inner.x + inner.width - summaryX)
            }
        }
    }

    private mutating func drawDetails() {
        let rect = layout.details
        let method = state.methodsPane.current
        let title = "Details" + (method.map { " \(glyphs.separator) \($0.title)" } ?? "")
        guard let (inner, _) = drawPane(rect, title: title, focused: false, footer: nil) else { return }
        var facts: [MethodDetail] = method?.details ?? []
        var style = theme.text
        if case .failed(_, let error) = state.methodsPane.methods {
            facts = [MethodDetail("Error", error.message)]
            if let status = error.status { facts.append(MethodDetail("HTTP status", String(status))) }
            if let code = error.code { facts.append(MethodDetail("Code", code)) }
            if let requestID = error.requestID { facts.append(MethodDetail("Request id", requestID)) }
            style = theme.error
        }
        drawFacts(facts.map { ($0.label, $0.value, style) }, in: inner)
    }

    // MARK: Pieces

    /// The users list's column headers on the first row of `inner`; returns the name column's
    /// width and where the principal name's column starts and how wide it is.
    mutating func drawUsersHeader(in inner: Rect) -> (nameWidth: Int, principalX: Int, principalWidth: Int) {
        let nameWidth = max(10, (inner.width - 2) * 9 / 20)
        let principalX = inner.x + 2 + nameWidth + 1
        let principalWidth = inner.x + inner.width - principalX
        put("Name", at: inner.x + 2, inner.y, style: theme.header, width: nameWidth)
        put("Principal name", at: principalX, inner.y, style: theme.header, width: principalWidth)
        return (nameWidth, principalX, principalWidth)
    }

    /// A box with its title in the top border and an optional footer in the bottom one.
    mutating func drawBox(_ rect: Rect, title: String, focused: Bool, footer: String?) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let style = focused ? theme.borderFocused : theme.border
        let right = rect.x + rect.width - 1
        let bottom = rect.y + rect.height - 1
        put(glyphs.topLeft, at: rect.x, rect.y, style: style)
        put(glyphs.topRight, at: right, rect.y, style: style)
        put(glyphs.bottomLeft, at: rect.x, bottom, style: style)
        put(glyphs.bottomRight, at: right, bottom, style: style)
        for x in (rect.x + 1)..<right {
            put(glyphs.horizontal, at: x, rect.y, style: style)
            put(glyphs.horizontal, at: x, bottom, style: style)
        }
        for y in (rect.y + 1)..<bottom {
            put(glyphs.vertical, at: rect.x, y, style: style)
            put(glyphs.vertical, at: right, y, style: style)
        }
        put(" \(title) ", at: rect.x + 2, rect.y, style: focused ? theme.titleFocused : theme.title, width: rect.width - 4)
        if let footer {
            let w = text(footer).width + 2
            if w < rect.width - 4 { put(" \(footer) ", at: right - 1 - w, bottom, style: style) }
        }
    }

    /// Wrapped text inside `rect`, from its top.
    mutating func drawMessage(_ message: String, style: CellStyle, in rect: Rect) {
        for (i, line) in TextWrap.lines(message, width: rect.width, asciiOnly: options.asciiText).enumerated() where i < rect.height {
            put(line, at: rect.x, rect.y + i, style: style, width: rect.width)
        }
    }

    mutating func drawTooSmall() {
        let lines = TextWrap.lines(
            "authdesk needs at least \(BrowserLayout.minimumWidth)x\(BrowserLayout.minimumHeight); "
                + "this terminal is \(grid.width)x\(grid.height).", width: grid.width, asciiOnly: options.asciiText)
        for (i, line) in lines.enumerated() {
            put(line, at: 0, grid.height / 2 - lines.count / 2 + i, style: theme.text, width: grid.width)
        }
    }

    /// Writes `string`, cut with an ellipsis to `width` columns (to the right edge by default).
    @discardableResult
    mutating func put(_ string: String, at x: Int, _ y: Int, style: CellStyle, width: Int? = nil) -> Int {
        grid.put(string, x: x, y: y, style: style, width: width, ellipsis: glyphs.ellipsis)
    }

    /// The end of `string` that fits in `width` columns (what is being typed stays visible).
    func fitTail(_ string: String, width: Int) -> String {
        guard width > 0 else { return "" }
        var out: [Character] = []
        var used = 0
        for character in string.reversed() {
            let w = DisplayWidth.glyph(for: character, asciiOnly: options.asciiText)?.width ?? 0
            if used + w > width { break }
            out.append(character)
            used += w
        }
        return String(out.reversed())
    }

    func text(_ string: String) -> (string: String, width: Int) {
        (string, DisplayWidth.of(string, asciiOnly: options.asciiText))
    }
}
