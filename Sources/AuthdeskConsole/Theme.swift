/// The styles of each part of the screen, with colour or without (`NO_COLOR`): without colour,
/// selection is reverse video and emphasis is bold, so nothing depends on colour alone.
public struct Theme: Sendable, Hashable {
    public var banner: CellStyle
    public var bannerAlert: CellStyle
    public var border: CellStyle
    public var borderFocused: CellStyle
    public var title: CellStyle
    public var titleFocused: CellStyle
    public var header: CellStyle
    public var text: CellStyle
    public var secondary: CellStyle
    public var selection: CellStyle
    public var selectionInactive: CellStyle
    public var label: CellStyle
    public var error: CellStyle
    public var info: CellStyle
    /// A pre-flight warning: to read before confirming, not an error.
    public var warning: CellStyle
    public var prompt: CellStyle
    public var cursor: CellStyle
    public var hintKey: CellStyle
    public var hintText: CellStyle

    /// The theme for `options`, with the banner in the tenant's colour (blue when it names none).
    public init(options: RenderOptions, tenantColor: TerminalColor?) {
        text = .plain
        cursor = CellStyle(reverse: true)
        header = CellStyle(bold: true)
        label = CellStyle(bold: true)
        title = CellStyle(bold: true)
        hintText = .plain
        if options.color {
            let bannerColor = tenantColor ?? .blue
            banner = CellStyle(foreground: bannerColor.contrasting, background: bannerColor, bold: true)
            bannerAlert = CellStyle(foreground: .white, background: .red, bold: true)
            border = .plain
            borderFocused = CellStyle(foreground: .cyan, bold: true)
            titleFocused = CellStyle(foreground: .cyan, bold: true)
            secondary = CellStyle(foreground: .cyan)
            selection = CellStyle(foreground: .black, background: .cyan)
            selectionInactive = CellStyle(bold: true, underline: true)
            error = CellStyle(foreground: .red, bold: true)
            info = CellStyle(foreground: .green)
            warning = CellStyle(foreground: .yellow)
            prompt = CellStyle(foreground: .yellow, bold: true)
            hintKey = CellStyle(foreground: .yellow, bold: true)
        } else {
            banner = CellStyle(bold: true, reverse: true)
            bannerAlert = CellStyle(bold: true, reverse: true, underline: true)
            border = .plain
            borderFocused = CellStyle(bold: true)
            titleFocused = CellStyle(bold: true, reverse: true)
            secondary = .plain
            selection = CellStyle(reverse: true)
            selectionInactive = CellStyle(bold: true, underline: true)
            error = CellStyle(bold: true)
            info = .plain
            warning = CellStyle(underline: true)
            prompt = CellStyle(bold: true)
            hintKey = CellStyle(bold: true)
        }
    }
}
