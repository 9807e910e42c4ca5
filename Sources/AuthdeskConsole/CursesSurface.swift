import CNcursesw

/// The ncursesw window as a ``TerminalSurface``: cells become `cchar_t`s, styles become
/// attributes and colour pairs (allocated as first needed).
final class CursesSurface: TerminalSurface {
    private let window: UnsafeMutablePointer<WINDOW>
    private let color: Bool
    private var pairs: [ColorKey: Int16] = [:]

    private struct ColorKey: Hashable {
        var foreground: Int16
        var background: Int16
    }

    init(window: UnsafeMutablePointer<WINDOW>, color: Bool) {
        self.window = window
        self.color = color
    }

    func clearAll() {
        werase(window)
        clearok(window, true)
    }

    func draw(_ cell: Cell, x: Int, y: Int) {
        var attributes = authdesk_a_normal()
        let style = cell.style
        if style.bold { attributes |= authdesk_a_bold() }
        if style.reverse { attributes |= authdesk_a_reverse() }
        if style.underline { attributes |= authdesk_a_underline() }
        if style.dim { attributes |= authdesk_a_dim() }
        let pair = color ? pairNumber(style) : 0
        var characters: [wchar_t] = cell.text.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }
        if characters.isEmpty { characters = [wchar_t(32)] }
        characters.append(0)
        var complex = cchar_t()
        guard setcchar(&complex, characters, attributes, pair, nil) == OK else { return }
        _ = mvwadd_wch(window, Int32(y), Int32(x), &complex)
    }

    func present() {
        wnoutrefresh(window)
        doupdate()
    }

    private func pairNumber(_ style: CellStyle) -> Int16 {
        guard style.foreground != nil || style.background != nil else { return 0 }
        let key = ColorKey(foreground: style.foreground?.index ?? -1, background: style.background?.index ?? -1)
        if let pair = pairs[key] { return pair }
        let next = Int16(pairs.count + 1)
        guard init_pair(next, key.foreground, key.background) == OK else { return 0 }
        pairs[key] = next
        return next
    }
}
