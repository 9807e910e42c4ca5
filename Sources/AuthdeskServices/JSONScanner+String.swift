/// JSON strings: escapes (`\n`, `\"`, `\u00e9`, surrogate pairs) decoded, control characters,
/// lone surrogates and bytes that are not UTF-8 refused.
extension JSONScanner {
    /// The string that starts here (at its opening quote), decoded.
    mutating func string() throws(Malformed) -> String {
        guard try peek() == UInt8(ascii: "\"") else { throw malformed("a string expected") }
        position += 1
        let start = position
        // Most strings have no escape: their bytes are the string.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = try utf8(bytes[start..<position], at: start)
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw malformed("a control character inside a string") }
            position += 1
        }
        var decoded = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                let text = try utf8(decoded[...], at: start)
                position += 1
                return text
            case UInt8(ascii: "\\"):
                try escape(into: &decoded)
            case ..<0x20:
                throw malformed("a control character inside a string")
            default:
                decoded.append(byte)
                position += 1
            }
        }
        throw malformed("a string not closed", at: start - 1)
    }

    private func utf8(_ slice: ArraySlice<UInt8>, at offset: Int) throws(Malformed) -> String {
        guard let text = String(validating: slice, as: UTF8.self) else {
            throw malformed("a string that is not UTF-8", at: offset)
        }
        return text
    }

    /// The escape at `position` (its backslash), its character's UTF-8 appended to `decoded`.
    private mutating func escape(into decoded: inout [UInt8]) throws(Malformed) {
        let start = position
        guard position + 1 < bytes.count else { throw malformed("a string not closed", at: start) }
        let letter = bytes[position + 1]
        position += 2
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(letter)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = UInt32(try hexUnit())
            if (0xD800...0xDBFF).contains(scalar) {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                    throw malformed("a high surrogate without its low surrogate", at: start)
                }
                position += 2
                let low = UInt32(try hexUnit())
                guard (0xDC00...0xDFFF).contains(low) else { throw malformed("a high surrogate without its low surrogate", at: start) }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let character = Unicode.Scalar(scalar) else { throw malformed("a lone low surrogate", at: start) }
            decoded.append(contentsOf: character.utf8)
        default:
            throw malformed("an unknown escape in a string", at: start)
        }
    }

    /// Four hexadecimal digits.
    private mutating func hexUnit() throws(Malformed) -> UInt16 {
        guard position + 4 <= bytes.count else { throw malformed("four hexadecimal digits expected after \\u") }
        var unit: UInt16 = 0
        for byte in bytes[position..<position + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw malformed("four hexadecimal digits expected after \\u")
            }
            unit = unit << 4 | UInt16(digit)
        }
        position += 4
        return unit
    }
}
