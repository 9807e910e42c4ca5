import Foundation

/// A JSON text (RFC 8259) read byte by byte, without building Foundation's object graph: a value
/// is either skipped, its byte range kept (a batch answer's inner bodies go to their decoder as
/// the service wrote them), or built as a ``JSONValue``. Whatever is not JSON is a
/// ``Malformed`` naming the byte where it went wrong, never a crash: nesting deeper than
/// ``maximumDepth`` is refused before the stack could run out.
struct JSONScanner {
    /// Why a text is not JSON, and at which byte.
    struct Malformed: Error, Sendable, Equatable, CustomStringConvertible {
        var offset: Int
        var reason: String

        var description: String { "\(reason) at byte \(offset)" }
    }

    /// Objects and arrays nested deeper than this are refused (as Foundation's decoder does).
    static let maximumDepth = 512

    let bytes: [UInt8]
    /// The byte the scanner reads next.
    var position = 0
    private var depth = 0

    init(_ data: Data) {
        bytes = [UInt8](data)
    }

    /// The whole text as one value, with nothing but spaces after it.
    static func value(in data: Data) throws(Malformed) -> JSONValue {
        var scanner = JSONScanner(data)
        let value = try scanner.value()
        try scanner.expectEnd()
        return value
    }

    func malformed(_ reason: String, at offset: Int? = nil) -> Malformed {
        Malformed(offset: offset ?? position, reason: reason)
    }

    mutating func skipSpaces() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// Only spaces are left.
    mutating func expectEnd() throws(Malformed) {
        skipSpaces()
        if position < bytes.count { throw malformed("text after the JSON value") }
    }

    /// The next byte after spaces, not consumed; throws at the end of the text.
    mutating func peek() throws(Malformed) -> UInt8 {
        skipSpaces()
        guard position < bytes.count else { throw malformed("the text ends where a value or delimiter was expected") }
        return bytes[position]
    }

    /// An object: `member` is called with each key and must read that member's value.
    mutating func object(_ member: (String, inout JSONScanner) throws(Malformed) -> Void) throws(Malformed) {
        try sequence("{", "}", "an object") { scanner throws(Malformed) in
            guard try scanner.peek() == UInt8(ascii: "\"") else { throw scanner.malformed("an object key must be a string") }
            let key = try scanner.string()
            guard try scanner.peek() == UInt8(ascii: ":") else { throw scanner.malformed("':' expected after an object key") }
            scanner.position += 1
            try member(key, &scanner)
        }
    }

    /// An array: `element` is called once an element starts and must read it.
    mutating func array(_ element: (inout JSONScanner) throws(Malformed) -> Void) throws(Malformed) {
        try sequence("[", "]", "an array", element)
    }

    /// Between `opening` and `closing`, `item` read for each entry, with commas between.
    private mutating func sequence(
        _ opening: Unicode.Scalar, _ closing: Unicode.Scalar, _ kind: String, _ item: (inout JSONScanner) throws(Malformed) -> Void
    ) throws(Malformed) {
        try enter(opening, kind)
        defer { depth -= 1 }
        if try peek() == UInt8(ascii: closing) {
            position += 1
            return
        }
        while true {
            try item(&self)
            let next = try peek()
            position += 1
            if next == UInt8(ascii: closing) { return }
            guard next == UInt8(ascii: ",") else {
                throw malformed("',' or '\(closing)' expected in \(kind)", at: position - 1)
            }
        }
    }

    private mutating func enter(_ opening: Unicode.Scalar, _ kind: String) throws(Malformed) {
        guard try peek() == UInt8(ascii: opening) else { throw malformed("\(kind) expected") }
        guard depth < Self.maximumDepth else { throw malformed("objects and arrays nested deeper than \(Self.maximumDepth)") }
        depth += 1
        position += 1
    }

    /// Moves past one value of any kind, checking it, and answers where it lay.
    @discardableResult
    mutating func skipValue() throws(Malformed) -> Range<Int> {
        let first = try peek()
        let start = position
        switch first {
        case UInt8(ascii: "{"): try object { _, scanner throws(Malformed) in try scanner.skipValue() }
        case UInt8(ascii: "["): try array { scanner throws(Malformed) in try scanner.skipValue() }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: _ = try number()
        }
        return start..<position
    }

    /// One value of any kind, built.
    mutating func value() throws(Malformed) -> JSONValue {
        switch try peek() {
        case UInt8(ascii: "{"):
            var fields: [String: JSONValue] = [:]
            try object { key, scanner throws(Malformed) in fields[key] = try scanner.value() }
            return .object(fields)
        case UInt8(ascii: "["):
            var items: [JSONValue] = []
            try array { scanner throws(Malformed) in items.append(try scanner.value()) }
            return .array(items)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return .number(try double())
        }
    }

    private mutating func literal(_ word: String) throws(Malformed) {
        let utf8 = Array(word.utf8)
        guard bytes.count - position >= utf8.count, bytes[position..<position + utf8.count].elementsEqual(utf8) else {
            throw malformed("not a JSON value")
        }
        position += utf8.count
    }

    /// A number's text, checked against JSON's grammar (`-`, digits without a leading zero,
    /// a fraction, an exponent).
    mutating func number() throws(Malformed) -> Range<Int> {
        _ = try peek()
        let start = position
        if byte(is: "-") { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else { throw malformed("not a JSON value", at: start) }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            skipDigits()
        }
        if byte(is: ".") {
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else { throw malformed("a digit expected after '.'") }
            skipDigits()
        }
        if byte(is: "e") || byte(is: "E") {
            position += 1
            if byte(is: "+") || byte(is: "-") { position += 1 }
            guard position < bytes.count, isDigit(bytes[position]) else { throw malformed("a digit expected in the exponent") }
            skipDigits()
        }
        return start..<position
    }

    /// A number as a Double; one too large for a Double is refused.
    mutating func double() throws(Malformed) -> Double {
        let span = try number()
        guard let value = Double(String(decoding: bytes[span], as: UTF8.self)), value.isFinite else {
            throw malformed("a number too large", at: span.lowerBound)
        }
        return value
    }

    private func byte(is character: Unicode.Scalar) -> Bool {
        position < bytes.count && bytes[position] == UInt8(ascii: character)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private mutating func skipDigits() {
        while position < bytes.count, isDigit(bytes[position]) { position += 1 }
    }
}
