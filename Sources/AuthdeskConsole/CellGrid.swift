import AuthdeskText

/// A screen's worth of cells: what drawing produces and what the terminal backend copies out.
///
/// Writing text through ``put(_:x:y:style:maxWidth:)`` keeps wide characters whole: one that
/// would straddle the clip edge becomes a space, and overwriting half of one blanks the other.
/// All text is drawn through ``TerminalText``: control characters, escape sequences and
/// bidirectional overrides are shown visibly escaped (`\e[2J`, `\u{202E}`), as on the command line.
public struct CellGrid: Sendable, Hashable {
    public let width: Int
    public let height: Int
    /// Replace non-ASCII text (a locale that is not UTF-8).
    public let asciiOnly: Bool
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, asciiOnly: Bool = false) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.asciiOnly = asciiOnly
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        guard contains(x: x, y: y) else { return .blank }
        return cells[y * width + x]
    }

    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    /// Writes one cell, keeping wide characters around it whole.
    public mutating func set(_ cell: Cell, x: Int, y: Int) {
        guard contains(x: x, y: y) else { return }
        let i = y * width + x
        if cells[i].isContinuation, x > 0 { cells[i - 1] = Cell(" ", style: cells[i - 1].style) }
        if cells[i].width == 2, x + 1 < width { cells[i + 1] = Cell(" ", style: cells[i + 1].style) }
        cells[i] = cell
    }

    /// Writes `text` from column `x` on row `y`, at most `maxWidth` columns (to the right edge by
    /// default); returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: CellStyle = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var column = x
        for character in TerminalText.visible(text) {
            guard let glyph = DisplayWidth.glyph(for: character, asciiOnly: asciiOnly) else { continue }
            if column + glyph.width > limit {
                while column < limit {
                    set(Cell(" ", style: style), x: column, y: y)
                    column += 1
                }
                break
            }
            if column >= 0 {
                set(Cell(glyph.text, width: glyph.width, style: style), x: column, y: y)
                if glyph.width == 2 { set(.continuation(style), x: column + 1, y: y) }
            }
            column += glyph.width
        }
        return max(0, column - x)
    }

    /// Writes `text` from column `x` on row `y`, cut with `ellipsis` to `width` columns (to the
    /// right edge by default); returns the columns used. Both renderers write their text so.
    @discardableResult
    public mutating func put(
        _ text: String, x: Int, y: Int, style: CellStyle, width: Int?, ellipsis: String
    ) -> Int {
        let room = min(width ?? (self.width - x), self.width - x)
        guard room > 0 else { return 0 }
        let cut = DisplayWidth.truncate(TerminalText.visible(text), to: room, ellipsis: ellipsis, asciiOnly: asciiOnly)
        return put(cut, x: x, y: y, style: style, maxWidth: room)
    }

    /// Fills a rectangle with spaces in `style`.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: CellStyle = .plain) {
        for row in max(0, y)..<max(max(0, y), min(height, y + h)) {
            for column in max(0, x)..<max(max(0, x), min(width, x + w)) {
                set(Cell(" ", style: style), x: column, y: row)
            }
        }
    }

    /// Row `y` as text, every column once (continuation cells add nothing).
    public func row(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        return (0..<width).reduce(into: "") { line, x in line += cells[y * width + x].text }
    }

    /// The whole grid as text, one line per row, trailing spaces removed.
    public var text: String {
        (0..<height).map { y in
            var line = Substring(row(y))
            while line.last == " " { line.removeLast() }
            return String(line)
        }.joined(separator: "\n")
    }
}
