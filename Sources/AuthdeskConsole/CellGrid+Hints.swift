import AuthdeskText
import AuthdeskViewModels

extension CellGrid {
    /// Writes a hint line on row `y` from column `x`: each entry's keys, then what it does, two
    /// columns apart; stops at the first entry that would reach column `limit`. The browser and
    /// the bulk screen draw theirs so, from the same key table.
    mutating func putHints(
        _ entries: [KeyMap.Entry], x: Int, y: Int, limit: Int, keyStyle: CellStyle, textStyle: CellStyle, ellipsis: String
    ) {
        var x = x
        for entry in entries {
            let needed = DisplayWidth.of(entry.keyLabel, asciiOnly: asciiOnly) + 1
                + DisplayWidth.of(entry.description, asciiOnly: asciiOnly)
            if x + needed > limit { break }
            x += put(entry.keyLabel, x: x, y: y, style: keyStyle, width: nil, ellipsis: ellipsis) + 1
            x += put(entry.description, x: x, y: y, style: textStyle, width: nil, ellipsis: ellipsis) + 2
        }
    }
}
