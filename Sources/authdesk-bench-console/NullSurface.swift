import AuthdeskConsole

/// A terminal that throws every cell away, counting them: the console's drawing is measured
/// without curses or a terminal's own speed.
final class NullSurface: TerminalSurface {
    private(set) var cells = 0
    private(set) var frames = 0

    func clearAll() {}

    func draw(_ cell: Cell, x: Int, y: Int) {
        cells += 1
    }

    func present() {
        frames += 1
    }
}
