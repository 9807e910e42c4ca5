/// Copies frames to a terminal, writing only the cells that changed since the last frame.
///
/// The first frame, and any frame of another size, is written whole after a clear.
public struct ScreenWriter {
    private var previous: CellGrid?

    public init() {}

    /// The cells of `grid` that differ from `old`: every cell when `old` is nil or another size.
    /// Continuation cells are left out: their wide character covers them.
    public static func changes(from old: CellGrid?, to grid: CellGrid) -> [(x: Int, y: Int, cell: Cell)] {
        let whole = old == nil || old?.width != grid.width || old?.height != grid.height
        var out: [(x: Int, y: Int, cell: Cell)] = []
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let cell = grid[x, y]
                if cell.isContinuation { continue }
                if whole || old?[x, y] != cell || (cell.width == 2 && old?[x + 1, y] != grid[x + 1, y]) {
                    out.append((x, y, cell))
                }
            }
        }
        return out
    }

    /// Writes `grid` to `surface`; returns how many cells were written.
    @discardableResult
    public mutating func show(_ grid: CellGrid, on surface: TerminalSurface) -> Int {
        let clear = previous == nil || previous?.width != grid.width || previous?.height != grid.height
        let changes = Self.changes(from: previous, to: grid)
        if clear { surface.clearAll() }
        for change in changes { surface.draw(change.cell, x: change.x, y: change.y) }
        if clear || !changes.isEmpty { surface.present() }
        previous = grid
        return changes.count
    }

    /// Forgets the last frame, so the next is written whole (after the terminal was disturbed).
    public mutating func invalidate() {
        previous = nil
    }
}
