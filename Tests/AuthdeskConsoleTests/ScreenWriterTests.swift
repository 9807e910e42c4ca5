import AuthdeskConsole
import AuthdeskViewModels
import Testing

/// Records what a ``ScreenWriter`` sends to the terminal.
final class RecordingSurface: TerminalSurface {
    var clears = 0
    var drawn: [(x: Int, y: Int, cell: Cell)] = []
    var presents = 0

    func clearAll() { clears += 1 }
    func draw(_ cell: Cell, x: Int, y: Int) { drawn.append((x, y, cell)) }
    func present() { presents += 1 }
}

struct ScreenWriterTests {
    @Test func theFirstFrameIsWrittenWholeThenOnlyChanges() {
        var writer = ScreenWriter()
        let surface = RecordingSurface()
        var state = Screens.browser()
        let first = Screens.render(state)
        writer.show(first, on: surface)
        #expect(surface.clears == 1)
        #expect(surface.drawn.count == first.cells.filter { !$0.isContinuation }.count)

        surface.drawn = []
        #expect(writer.show(first, on: surface) == 0)
        #expect(surface.presents == 1, "an unchanged frame is not even presented")

        _ = state.apply(.action(.moveDown))
        let second = Screens.render(state)
        let written = writer.show(second, on: surface)
        let differing = (0..<second.height).flatMap { y in (0..<second.width).map { (x: $0, y: y) } }
            .filter { first[$0.x, $0.y] != second[$0.x, $0.y] && !second[$0.x, $0.y].isContinuation }
        #expect(written == differing.count)
        #expect(written > 0)
        #expect(written < 80 * 24 / 2)
        #expect(surface.clears == 1)
        #expect(Set(surface.drawn.map(\.y)).isSubset(of: Set(differing.map(\.y))))
        for change in surface.drawn {
            #expect(second[change.x, change.y] == change.cell)
        }
    }

    @Test func aNewSizeClearsAndRedrawsEverything() {
        var writer = ScreenWriter()
        let surface = RecordingSurface()
        let state = Screens.browser()
        writer.show(Screens.render(state), on: surface)
        let bigger = Screens.render(state, width: 100, height: 30)
        surface.drawn = []
        writer.show(bigger, on: surface)
        #expect(surface.clears == 2)
        #expect(surface.drawn.count == bigger.cells.filter { !$0.isContinuation }.count)
    }

    @Test func aWideCharacterReplacingNarrowOnesIsWrittenOnce() {
        var old = CellGrid(width: 4, height: 1)
        old.put("abcd", x: 0, y: 0)
        var new = CellGrid(width: 4, height: 1)
        new.put("a山d", x: 0, y: 0)
        let changes = ScreenWriter.changes(from: old, to: new)
        #expect(changes.map(\.x) == [1])
        #expect(changes.first?.cell.text == "山")
    }
}
