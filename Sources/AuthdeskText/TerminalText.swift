/// The one sanitizer between text from a service and a terminal: control characters (C0, DEL,
/// C1), and so every escape sequence, and bidirectional overrides, isolates and marks are shown
/// visibly escaped (`\e`, `\n`, `\u{202E}`), never passed through; everything else is kept.
///
/// A name a user chose (a display name, a device name, a phone label) can carry `ESC ] 52`
/// (write the operator's clipboard), `ESC [ 2 J` (clear the screen) or U+202E (show text
/// backwards); tables, messages, progress lines and the console all show it through here.
public enum TerminalText {
    /// `text` with every unsafe scalar replaced by its visible escape.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                out.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether `scalar` must not reach a terminal as itself: C0 controls, DEL, C1 controls, the
    /// bidirectional embeddings, overrides, isolates and marks, and the line and paragraph
    /// separators.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
        default: false
        }
    }

    /// The visible form of one unsafe scalar: `\e`, `\t`, `\n`, `\r`, else `\u{XX}` in hex.
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x1B: "\\e"
        case 0x09: "\\t"
        case 0x0A: "\\n"
        case 0x0D: "\\r"
        default: "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }
}

extension TerminalText {
    /// A block of lines built with service text in it: each line shown visibly, the line breaks
    /// between them kept.
    public static func visibleLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { visible(String($0)) }.joined(separator: "\n")
    }
}
