import AuthdeskText

/// Breaks text into lines of at most a given number of columns, at spaces where it can.
public enum TextWrap {
    public static func lines(_ text: String, width: Int, asciiOnly: Bool = false) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            var word = word
            var wordWidth = DisplayWidth.of(word, asciiOnly: asciiOnly)
            if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            while wordWidth > width {
                var head = ""
                var headWidth = 0
                var rest = Substring(word)
                while let c = rest.first {
                    let w = DisplayWidth.glyph(for: c, asciiOnly: asciiOnly)?.width ?? 0
                    if headWidth + w > width { break }
                    head.append(c)
                    headWidth += w
                    rest.removeFirst()
                }
                if head.isEmpty { break }
                lines.append(head)
                word = String(rest)
                wordWidth = DisplayWidth.of(word, asciiOnly: asciiOnly)
            }
            line = word
            lineWidth = wordWidth
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
