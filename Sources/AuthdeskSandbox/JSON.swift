import Foundation

/// A JSON value that keeps the order of object members, so answers read like the real services'.
///
/// The sandbox encodes and decodes its wire format with this type only; it shares no code with
/// the providers it emulates services for.
enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([Member])

    /// One member of an object, in order.
    struct Member: Sendable, Equatable {
        var key: String
        var value: JSON
    }

    /// Builds an object from ordered pairs.
    static func obj(_ pairs: KeyValuePairs<String, JSON>) -> JSON {
        .object(pairs.map { Member(key: $0.key, value: $0.value) })
    }

    /// A string, or null when absent.
    static func str(_ value: String?) -> JSON {
        value.map { .string($0) } ?? .null
    }

    subscript(key: String) -> JSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    var intValue: Int? {
        switch self {
        case .int(let i): return i
        case .double(let d) where d.rounded() == d && abs(d) < 1e15: return Int(d)
        default: return nil
        }
    }

    /// A JWT NumericDate (RFC 7519): seconds since 1970, whole or not (MSAL Python sends
    /// `exp` and `iat` with fractions), to the whole second below.
    var secondsValue: Int? {
        switch self {
        case .int(let i): return i
        case .double(let d) where d.isFinite && abs(d) < 1e15: return Int(d.rounded(.down))
        default: return nil
        }
    }

    var arrayValue: [JSON]? {
        if case .array(let a) = self { return a }
        return nil
    }

    var members: [Member]? {
        if case .object(let m) = self { return m }
        return nil
    }

    var isNull: Bool { self == .null }

    /// Sets (or appends) a member of an object; no effect on other values.
    mutating func set(_ key: String, _ value: JSON) {
        guard case .object(var members) = self else { return }
        if let index = members.firstIndex(where: { $0.key == key }) {
            members[index].value = value
        } else {
            members.append(Member(key: key, value: value))
        }
        self = .object(members)
    }

    /// Removes a member of an object.
    mutating func remove(_ key: String) {
        guard case .object(var members) = self else { return }
        members.removeAll { $0.key == key }
        self = .object(members)
    }

    /// The object with `pairs` put in front of its own members.
    func prepending(_ pairs: [Member]) -> JSON {
        guard case .object(let members) = self else { return self }
        let keys = Set(pairs.map(\.key))
        return .object(pairs + members.filter { !keys.contains($0.key) })
    }

    // MARK: Encoding

    /// The compact UTF-8 text of this value.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    var data: Data { Data(bytes) }

    /// The compact UTF-8 text of this value, as bytes (written straight into one buffer).
    var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        write(to: &out)
        return out
    }

    private func write(to out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d):
            if d.isFinite {
                out.append(contentsOf: (d.rounded() == d && abs(d) < 1e15 ? String(Int(d)) : String(d)).utf8)
            } else {
                out.append(contentsOf: "null".utf8)
            }
        case .string(let s): JSON.writeString(s, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSON.writeString(member.key, to: &out)
                out.append(UInt8(ascii: ":"))
                member.value.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A string in quotes: `"` and `\` escaped, control characters as `\n`, `\r`, `\t` or
    /// `\u00XX`; every other byte of its UTF-8 as it is (no byte of a multi-byte character is
    /// below 0x80, so this escapes exactly the characters that need it).
    private static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case ..<0x20:
                out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                        hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    // MARK: Decoding

    /// Parses JSON text; nil when it is not valid JSON.
    static func parse(_ data: Data) -> JSON? {
        var parser = Parser(bytes: Array(data))
        guard let value = parser.parseValue() else { return nil }
        parser.skipSpace()
        return parser.index == parser.bytes.count ? value : nil
    }

    static func parse(_ text: String) -> JSON? {
        parse(Data(text.utf8))
    }

    /// A small strict JSON parser (RFC 8259).
    private struct Parser {
        let bytes: [UInt8]
        var index = 0
        var depth = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        mutating func parseValue() -> JSON? {
            skipSpace()
            guard index < bytes.count, depth < 64 else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "{"): return parseObject()
            case UInt8(ascii: "["): return parseArray()
            case UInt8(ascii: "\""): return parseString().map { .string($0) }
            case UInt8(ascii: "t"): return literal("true", .bool(true))
            case UInt8(ascii: "f"): return literal("false", .bool(false))
            case UInt8(ascii: "n"): return literal("null", .null)
            default: return parseNumber()
            }
        }

        mutating func literal(_ word: String, _ value: JSON) -> JSON? {
            let w = Array(word.utf8)
            guard index + w.count <= bytes.count, Array(bytes[index..<index + w.count]) == w else { return nil }
            index += w.count
            return value
        }

        mutating func parseObject() -> JSON? {
            var members: [Member] = []
            let complete = parseElements(closedBy: UInt8(ascii: "}")) { parser in
                parser.skipSpace()
                guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "\""),
                      let key = parser.parseString() else { return false }
                parser.skipSpace()
                guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: ":") else { return false }
                parser.index += 1
                guard let value = parser.parseValue() else { return false }
                members.removeAll { $0.key == key }
                members.append(Member(key: key, value: value))
                return true
            }
            return complete ? .object(members) : nil
        }

        mutating func parseArray() -> JSON? {
            var items: [JSON] = []
            let complete = parseElements(closedBy: UInt8(ascii: "]")) { parser in
                guard let value = parser.parseValue() else { return false }
                items.append(value)
                return true
            }
            return complete ? .array(items) : nil
        }

        /// Reads the comma-separated elements of an object or an array, from its opening bracket
        /// to `close`, each with `element`; false when the text is not well-formed.
        mutating func parseElements(closedBy close: UInt8, _ element: (inout Parser) -> Bool) -> Bool {
            index += 1
            depth += 1
            defer { depth -= 1 }
            skipSpace()
            if index < bytes.count, bytes[index] == close {
                index += 1
                return true
            }
            while true {
                guard element(&self) else { return false }
                skipSpace()
                guard index < bytes.count else { return false }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                } else if bytes[index] == close {
                    index += 1
                    return true
                } else {
                    return false
                }
            }
        }

        /// A string from its opening quote: runs of plain bytes are taken whole (checked as
        /// UTF-8), escapes one at a time.
        mutating func parseString() -> String? {
            index += 1
            var text = ""
            var start = index
            func flush(_ parser: Parser) -> Bool {
                guard start < parser.index else { return true }
                guard let run = String(validating: parser.bytes[start..<parser.index], as: UTF8.self) else { return false }
                text += run
                return true
            }
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""):
                    guard flush(self) else { return nil }
                    index += 1
                    return text
                case UInt8(ascii: "\\"):
                    guard flush(self), index + 1 < bytes.count else { return nil }
                    index += 1
                    guard let scalar = parseEscape() else { return nil }
                    text.unicodeScalars.append(scalar)
                    start = index
                default:
                    guard byte >= 0x20 else { return nil }
                    index += 1
                }
            }
            return nil
        }

        /// The character of an escape, from the byte after its backslash.
        mutating func parseEscape() -> Unicode.Scalar? {
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""): return "\""
            case UInt8(ascii: "\\"): return "\\"
            case UInt8(ascii: "/"): return "/"
            case UInt8(ascii: "b"): return "\u{08}"
            case UInt8(ascii: "f"): return "\u{0C}"
            case UInt8(ascii: "n"): return "\n"
            case UInt8(ascii: "r"): return "\r"
            case UInt8(ascii: "t"): return "\t"
            case UInt8(ascii: "u"):
                guard var code = hex4() else { return nil }
                if (0xD800...0xDBFF).contains(code) {
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                          bytes[index + 1] == UInt8(ascii: "u") else { return nil }
                    index += 2
                    guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                return Unicode.Scalar(code)
            default: return nil
            }
        }

        mutating func hex4() -> UInt32? {
            guard index + 4 <= bytes.count,
                  let text = String(bytes: bytes[index..<index + 4], encoding: .ascii),
                  let value = UInt32(text, radix: 16) else { return nil }
            index += 4
            return value
        }

        mutating func parseNumber() -> JSON? {
            let start = index
            while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) {
                index += 1
            }
            guard index > start, let text = String(bytes: bytes[start..<index], encoding: .ascii) else { return nil }
            if let i = Int(text) { return .int(i) }
            if let d = Double(text) { return .double(d) }
            return nil
        }
    }
}
