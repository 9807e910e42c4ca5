import AuthdeskConsole
import Testing

struct CellGridTests {
    @Test func aWideCharacterTakesTwoCells() {
        var grid = CellGrid(width: 6, height: 1)
        let used = grid.put("a山b", x: 0, y: 0)
        #expect(used == 4)
        #expect(grid[1, 0].text == "山")
        #expect(grid[1, 0].width == 2)
        #expect(grid[2, 0].isContinuation)
        #expect(grid[3, 0].text == "b")
        #expect(grid.row(0) == "a山b  ")
    }

    @Test func aWideCharacterThatWouldStraddleTheEdgeBecomesASpace() {
        var grid = CellGrid(width: 4, height: 1)
        grid.put("abc山", x: 0, y: 0)
        #expect(grid.row(0) == "abc ")
        var clipped = CellGrid(width: 10, height: 1)
        clipped.put("ab山", x: 0, y: 0, maxWidth: 3)
        #expect(clipped[2, 0].text == " ")
        #expect(!clipped[3, 0].isContinuation)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = CellGrid(width: 4, height: 1)
        grid.put("山田", x: 0, y: 0)
        grid.put("x", x: 1, y: 0)
        #expect(grid.row(0) == " x田")
        grid.put("y", x: 2, y: 0)
        #expect(grid.row(0) == " xy ")
    }

    @Test func textDropsTrailingSpacesOnly() {
        var grid = CellGrid(width: 5, height: 2)
        grid.put(" a", x: 0, y: 1)
        #expect(grid.text == "\n a")
    }

    @Test func writingOutsideTheGridIsIgnored() {
        var grid = CellGrid(width: 3, height: 1)
        grid.put("abc", x: -1, y: 0)
        grid.put("zzz", x: 0, y: 5)
        #expect(grid.row(0) == "bc ")
        #expect(CellGrid(width: 0, height: 0).text == "")
    }
}

@Suite struct CellGridSanitizerTests {
    /// Service text reaches the screen through the sanitizer: escapes and bidi overrides shown,
    /// never drawn as themselves.
    @Test func hostileTextIsDrawnVisiblyEscaped() {
        var grid = CellGrid(width: 40, height: 2)
        grid.put("Eve\u{1B}[2J\u{202E}x", x: 0, y: 0)
        #expect(grid.row(0).hasPrefix("Eve\\e[2J\\u{202E}x"))
        grid.put("Key\u{1B}]52;c;eA==\u{07}", x: 0, y: 1, style: .plain, width: 12, ellipsis: "…")
        #expect(grid.row(1).hasPrefix("Key\\e]52;c;…"))
        #expect(!grid.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }
}
