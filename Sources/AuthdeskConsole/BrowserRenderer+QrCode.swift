import AuthdeskText
import AuthdeskViewModels

/// A revealed secret that is a key URI, drawn as a QR code the user's authenticator app scans:
/// two module rows a line with `▀` (top module in the foreground colour, bottom in the
/// background; black on white whatever the terminal's theme), a quiet zone of two modules.
/// Without colours the blocks alone draw it (light modules as blocks, for dark terminals); in
/// ASCII mode, or where it does not fit, a line says so instead.
extension BrowserRenderer {
    static let qrQuietZone = 2

    /// The QR code's lines for the open dialog, or nil when there is none to show.
    func qrCodeLines(_ dialog: DialogState) -> (lines: [[(top: Bool, bottom: Bool)]], width: Int)? {
        guard dialog.phase == .result, dialog.revealed, dialog.secretIsKeyURI, let secret = dialog.secret,
              let code = try? QrCode(secret.reveal()) else { return nil }
        let zone = Self.qrQuietZone
        let size = code.size + 2 * zone
        func dark(_ x: Int, _ y: Int) -> Bool {
            let (mx, my) = (x - zone, y - zone)
            guard (0..<code.size).contains(mx), (0..<code.size).contains(my) else { return false }
            return code.modules[my][mx]
        }
        let lines = stride(from: 0, to: size, by: 2).map { y in
            (0..<size).map { x in (top: dark(x, y), bottom: y + 1 < size && dark(x, y + 1)) }
        }
        return (lines, size)
    }

    /// Draws one line of the code at `x`, `y`.
    mutating func drawQrLine(_ line: [(top: Bool, bottom: Bool)], x: Int, y: Int) {
        for (offset, pair) in line.enumerated() {
            let cell: Cell
            if options.color {
                cell = Cell("▀", style: CellStyle(foreground: pair.top ? .black : .white, background: pair.bottom ? .black : .white))
            } else {
                let glyph = switch (pair.top, pair.bottom) {
                case (false, false): "█"
                case (false, true): "▀"
                case (true, false): "▄"
                case (true, true): " "
                }
                cell = Cell(glyph, style: .plain)
            }
            grid.set(cell, x: x + offset, y: y)
        }
    }
}
