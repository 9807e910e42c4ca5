import Foundation

/// The envelope of a Graph `$batch` answer, read without decoding the inner bodies: each
/// response's id, status and headers, and its body cut out of the answer's bytes as the service
/// wrote it. Decoding every body and writing it again (`JSONSerialization`) cost a third of
/// planning's CPU; the body's own decoder reads it once, later.
struct GraphBatchEnvelope {
    /// One inner response.
    struct Item: Equatable {
        /// The request id it answers (a number is read as its digits); nil when it has none.
        var id: String?
        /// 0 when the status is missing or not an integer.
        var status = 0
        /// String values as sent, numbers as their text; other values are left out.
        var headers: [String: String] = [:]
        /// The body's JSON text, as in the answer; empty when there is none or it is `null`.
        var body = Data()
    }

    /// The inner responses, in the answer's order; nil when the answer is JSON but has no
    /// `responses` array of objects. Throws when it is not JSON at all.
    static func items(in data: Data) throws(JSONScanner.Malformed) -> [Item]? {
        var scanner = JSONScanner(data)
        guard try scanner.peek() == UInt8(ascii: "{") else {
            try scanner.skipValue()
            try scanner.expectEnd()
            return nil
        }
        var items: [Item]?
        var shaped = true
        try scanner.object { key, scanner throws(JSONScanner.Malformed) in
            guard key == "responses", try scanner.peek() == UInt8(ascii: "[") else {
                try scanner.skipValue()
                if key == "responses" { shaped = false }
                return
            }
            var list: [Item] = []
            try scanner.array { scanner throws(JSONScanner.Malformed) in
                guard try scanner.peek() == UInt8(ascii: "{") else {
                    shaped = false
                    try scanner.skipValue()
                    return
                }
                list.append(try item(&scanner))
            }
            items = list
        }
        try scanner.expectEnd()
        return shaped ? items : nil
    }

    private static func item(_ scanner: inout JSONScanner) throws(JSONScanner.Malformed) -> Item {
        var item = Item()
        try scanner.object { key, scanner throws(JSONScanner.Malformed) in
            switch (key, try scanner.peek()) {
            case ("id", UInt8(ascii: "\"")):
                item.id = try scanner.string()
            case ("id", _), ("status", _):
                let span = try scanner.skipValue()
                let number = Int(String(decoding: scanner.bytes[span], as: UTF8.self))
                if key == "id" { item.id = number.map(String.init) } else { item.status = number ?? 0 }
            case ("headers", UInt8(ascii: "{")):
                try scanner.object { name, scanner throws(JSONScanner.Malformed) in
                    let first = try scanner.peek()
                    if first == UInt8(ascii: "\"") {
                        item.headers[name] = try scanner.string()
                    } else {
                        let span = try scanner.skipValue()
                        if first == UInt8(ascii: "-") || (0x30...0x39).contains(first) {
                            item.headers[name] = String(decoding: scanner.bytes[span], as: UTF8.self)
                        }
                    }
                }
            case ("body", UInt8(ascii: "n")):
                try scanner.skipValue()
                item.body = Data()
            case ("body", _):
                item.body = Data(scanner.bytes[try scanner.skipValue()])
            default:
                try scanner.skipValue()
            }
        }
        return item
    }
}
