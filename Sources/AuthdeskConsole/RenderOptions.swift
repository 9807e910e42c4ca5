/// How the screen may be drawn on this terminal: line characters, text and colour.
public struct RenderOptions: Sendable, Hashable {
    /// Box lines in ASCII (`+-|`): `--ascii`, or a locale that is not UTF-8.
    public var asciiLines: Bool
    /// Text in ASCII only (accents stripped, other characters `?`): a locale that is not UTF-8.
    public var asciiText: Bool
    /// Colours allowed: not `NO_COLOR`, not `--no-color`, and the terminal has them.
    public var color: Bool

    public init(asciiLines: Bool = false, asciiText: Bool = false, color: Bool = true) {
        self.asciiLines = asciiLines || asciiText
        self.asciiText = asciiText
        self.color = color
    }

    /// The line and marker characters these options allow.
    public var glyphs: Glyphs { asciiLines ? .ascii : .unicode }
}
