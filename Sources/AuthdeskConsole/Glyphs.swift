/// The characters boxes, cut-off text and markers are drawn with: U+2500 box drawing, or ASCII
/// when the locale is not UTF-8 or `--ascii` was given.
public struct Glyphs: Sendable, Hashable {
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    /// Ends text that was cut to fit.
    public var ellipsis: String
    /// Separates the banner's facts.
    public var separator: String
    /// Marks the selected row, for terminals and readers that do not see reverse video.
    public var selectionMarker: String
    /// A masked character of a password or pass.
    public var mask: String
    /// The frames of the spinner of a running operation.
    public var spinner: [String]
    /// Marks a user marked for a bulk action.
    public var mark: String = "*"
    /// Marks a user whose lease another operator or process holds (it wins over ``mark``).
    public var held: String = "!"
    /// The filled and empty parts of a progress bar.
    public var barFull: String = "#"
    public var barEmpty: String = "-"

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        ellipsis: "…", separator: "·", selectionMarker: "▸", mask: "•",
        spinner: ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"], mark: "✓", held: "⊘", barFull: "█", barEmpty: "░")

    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        ellipsis: "~", separator: "|", selectionMarker: ">", mask: "*",
        spinner: ["|", "/", "-", "\\"], mark: "*", held: "!", barFull: "#", barEmpty: "-")
}
