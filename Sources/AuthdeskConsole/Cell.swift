/// One terminal cell: what it shows, how many columns that takes, and its style.
///
/// A wide character is a cell of width 2 followed by a continuation cell of width 0, which
/// shows nothing of its own.
public struct Cell: Sendable, Hashable {
    /// One spacing character and its combining marks, or empty for a continuation cell.
    public var text: String
    /// 1, 2 for the first half of a wide character, 0 for its second half.
    public var width: Int
    public var style: CellStyle

    public init(_ text: String, width: Int = 1, style: CellStyle = .plain) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell(" ")

    /// The right half of a wide character.
    public static func continuation(_ style: CellStyle) -> Cell {
        Cell("", width: 0, style: style)
    }

    public var isContinuation: Bool { width == 0 }
}
