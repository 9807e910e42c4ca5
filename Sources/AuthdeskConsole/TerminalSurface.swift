/// Where a ``ScreenWriter`` puts cells: the curses window, or a recorder in tests.
public protocol TerminalSurface: AnyObject {
    /// Forgets everything on the screen (a new size, or the first frame).
    func clearAll()
    /// Draws one cell; `cell` is never a continuation cell.
    func draw(_ cell: Cell, x: Int, y: Int)
    /// Shows what was drawn.
    func present()
}
