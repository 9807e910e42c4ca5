import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How many terminal columns text takes: CJK and other wide characters take two, combining
/// marks none. Needs a UTF-8 `LC_CTYPE` to be set for `wcwidth`; ASCII is counted directly.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            total += of(scalar)
        }
        return total
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        if scalar.isASCII { return scalar.value < 0x20 || scalar.value == 0x7F ? 0 : 1 }
        if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark {
            return 0
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        if isWide(scalar.value) { return 2 }
        return 1
    }

    /// East Asian Wide and Fullwidth ranges (Unicode 15), the ones names actually use.
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// `text` followed by spaces up to `width` columns.
    public static func pad(_ text: String, to width: Int) -> String {
        let have = of(text)
        return have >= width ? text : text + String(repeating: " ", count: width - have)
    }
}
