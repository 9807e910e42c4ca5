/// The eight ANSI colours, which every terminal operators use can show; a tenant's banner
/// colour is one of them.
public enum TerminalColor: String, Sendable, Hashable, CaseIterable {
    case black, red, green, yellow, blue, magenta, cyan, white

    /// The curses colour number.
    public var index: Int16 {
        Int16(Self.allCases.firstIndex(of: self) ?? 0)
    }

    /// The colour a profile names (`red`, `Blue`, ...); nil for anything else.
    public init?(name: String) {
        self.init(rawValue: name.lowercased())
    }

    /// A readable text colour on this background.
    public var contrasting: TerminalColor {
        switch self {
        case .black, .red, .blue, .magenta: .white
        case .green, .yellow, .cyan, .white: .black
        }
    }
}
