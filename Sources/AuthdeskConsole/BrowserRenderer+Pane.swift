import AuthdeskText
import AuthdeskViewModels

/// Pieces the right-hand panes share: a titled box with its inner and message areas, a notice
/// wrapped at a pane's top, and labelled facts (a label column, values wrapped beside it).
extension BrowserRenderer {
    /// Draws the box of a pane; its inner area and the area messages go in, or nil when too small.
    mutating func drawPane(_ rect: Rect, title: String, focused: Bool, footer: String?) -> (inner: Rect, message: Rect)? {
        drawBox(rect, title: title, focused: focused, footer: footer)
        let inner = rect.inner
        guard inner.width > 4, inner.height > 0 else { return nil }
        return (inner, Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height))
    }

    /// `facts` as label and value lines from the top of `inner`, as many as fit.
    mutating func drawFacts(_ facts: [(label: String, value: String, style: CellStyle)], in inner: Rect) {
        let labelWidth = min(facts.map { text($0.label).width }.max() ?? 0, inner.width / 3)
        let valueX = inner.x + 1 + labelWidth + 2
        let valueWidth = inner.x + inner.width - 1 - valueX
        var y = inner.y
        for fact in facts {
            guard y < inner.y + inner.height else { break }
            put(fact.label, at: inner.x + 1, y, style: theme.label, width: labelWidth)
            for line in TextWrap.lines(fact.value, width: valueWidth, asciiOnly: options.asciiText) {
                guard y < inner.y + inner.height else { break }
                put(line, at: valueX, y, style: fact.style, width: valueWidth)
                y += 1
            }
        }
    }

    /// `notice` wrapped at the top of a pane (leaving it one row at least); returns the pane's
    /// areas below it. No notice leaves them as they were.
    mutating func drawNotice(_ notice: String?, style: CellStyle, in pane: (inner: Rect, message: Rect)) -> (inner: Rect, message: Rect) {
        guard let notice else { return pane }
        let lines = TextWrap.lines(TerminalText.visible(notice), width: pane.message.width, asciiOnly: options.asciiText)
        let used = min(lines.count, pane.inner.height - 1)
        for (row, line) in lines.prefix(used).enumerated() {
            put(line, at: pane.message.x, pane.inner.y + row, style: style, width: pane.message.width)
        }
        func below(_ rect: Rect) -> Rect { Rect(x: rect.x, y: rect.y + used, width: rect.width, height: rect.height - used) }
        return (below(pane.inner), below(pane.message))
    }
}
