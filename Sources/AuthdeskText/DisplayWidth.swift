import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many terminal columns text takes, for every front end that puts text on a terminal (the
/// console's cells and the command line's tables): CJK and other wide characters two, combining
/// marks and zero-width characters none, an emoji sequence two, as the C library's `wcwidth`
/// says (the table ncurses and the terminal use too). AuthdeskText is the one module for text
/// on a terminal: its width here, and the sanitizer of service text next to it.
///
/// Widths are read under `C.UTF-8` on the calling thread, whatever the process locale, so
/// tests, the console and the command line measure alike. Control characters are never drawn
/// as themselves: ``glyph(for:asciiOnly:)`` replaces them (one column).
public enum DisplayWidth {
    /// The width of one scalar: 0, 1 or 2, or -1 for a control or unprintable one.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        if scalar.value < 0x7F { return scalar.value < 0x20 ? -1 : 1 }
        guard let locale = utf8Locale, let wcwidth = cWidth else { return fallback(scalar) }
        let previous = uselocale(locale)
        defer { uselocale(previous) }
        return Int(wcwidth(wchar_t(bitPattern: scalar.value)))
    }

    /// `C.UTF-8` for `LC_CTYPE`, made once; nil where the system has no UTF-8 locale. Only read
    /// after it is made, and `uselocale` changes the calling thread alone.
    private nonisolated(unsafe) static let utf8Locale: locale_t? = newlocale(1 << LC_CTYPE, "C.UTF-8", nil)

    /// The C library's `wcwidth`, looked up at run time: Swift's Glibc module leaves it out (it
    /// is declared for X/Open only). nil where the C library has none.
    private static let cWidth: (@convention(c) (wchar_t) -> Int32)? = {
        guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "wcwidth") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (wchar_t) -> Int32).self)
    }()

    /// The columns one user-perceived character takes once drawn (see ``glyph(for:asciiOnly:)``).
    public static func of(_ character: Character) -> Int {
        glyph(for: character, asciiOnly: false)?.width ?? 0
    }

    /// The columns a string takes once drawn.
    public static func of(_ text: String, asciiOnly: Bool = false) -> Int {
        text.reduce(0) { $0 + (glyph(for: $1, asciiOnly: asciiOnly)?.width ?? 0) }
    }

    /// What a cell shows for `character` and how wide it is; nil for characters that take no
    /// room (a stray combining mark, a zero-width space).
    ///
    /// A cell holds one spacing scalar and the combining marks after it, as curses can draw
    /// them; the rest of a longer cluster (an emoji sequence) is dropped. Control characters
    /// become U+FFFD, so nothing from a service can move the cursor or send an escape. With
    /// `asciiOnly` (a locale that is not UTF-8) accents are stripped and any other non-ASCII
    /// character becomes `?`.
    public static func glyph(for character: Character, asciiOnly: Bool) -> (text: String, width: Int)? {
        if asciiOnly { return asciiGlyph(for: character) }
        let scalars = character.unicodeScalars
        guard let base = scalars.first else { return nil }
        let baseWidth = of(base)
        if baseWidth < 0 { return ("\u{FFFD}", 1) }
        if baseWidth == 0 {
            return nil
        }
        var text = String.UnicodeScalarView()
        text.append(base)
        var width = baseWidth
        for scalar in scalars.dropFirst() {
            let w = of(scalar)
            if w == 0, text.count < 5 { text.append(scalar) }
            if w > 0 { width = 2 }
        }
        return (String(text), min(width, 2))
    }

    /// `text` cut to at most `width` columns, ending in `ellipsis` when it was cut.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…", asciiOnly: Bool = false) -> String {
        guard width > 0 else { return "" }
        if of(text, asciiOnly: asciiOnly) <= width { return text }
        let ellipsisWidth = of(ellipsis, asciiOnly: asciiOnly)
        let room = width - ellipsisWidth
        guard room >= 0 else { return "" }
        var out = ""
        var used = 0
        for character in text {
            let w = glyph(for: character, asciiOnly: asciiOnly)?.width ?? 0
            if used + w > room { break }
            out.append(character)
            used += w
        }
        return out + ellipsis
    }

    /// `text` cut or padded with spaces to exactly `width` columns.
    public static func fit(_ text: String, to width: Int, ellipsis: String = "…", asciiOnly: Bool = false) -> String {
        let cut = truncate(text, to: width, ellipsis: ellipsis, asciiOnly: asciiOnly)
        let used = of(cut, asciiOnly: asciiOnly)
        return used < width ? cut + String(repeating: " ", count: width - used) : cut
    }

    private static func asciiGlyph(for character: Character) -> (text: String, width: Int)? {
        guard let base = character.unicodeScalars.first else { return nil }
        if base.isASCII { return base.value < 0x20 || base.value == 0x7F ? ("?", 1) : (String(base), 1) }
        if of(base) == 0 { return nil }
        let stripped = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.first
        if let stripped, stripped.isASCII, stripped.value >= 0x20, stripped.value != 0x7F {
            return (String(stripped), 1)
        }
        return ("?", 1)
    }

    /// `text` followed by spaces up to `width` columns (a table cell); never cut.
    public static func pad(_ text: String, to width: Int) -> String {
        let have = of(text)
        return have >= width ? text : text + String(repeating: " ", count: width - have)
    }

    /// Used only where no UTF-8 locale exists: the wide blocks of East Asian scripts (Unicode 15
    /// East Asian Wide and Fullwidth) and the characters shown as emoji by default.
    static func fallback(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .control, .surrogate: return -1
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
        ]
        return wide.contains { $0.contains(scalar.value) } ? 2 : 1
    }
}
