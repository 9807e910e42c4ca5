/// A user id as ``UserRows`` looks it up: its hash, computed once for every chunk, and its 16
/// bytes when it is a lowercase GUID (how the rows keep Graph's object ids).
struct UserRowKey {
    let text: String
    let hash: Int
    let guid: [UInt8]?

    init(_ id: String) {
        text = id
        hash = id.hashValue
        guid = Self.guid(id)
    }

    /// The 16 bytes of `id` in the form `0f8fad5b-d9cb-469f-a165-70867728950e` (lowercase hex,
    /// dashes after 8, 12, 16 and 20 digits); nil for any other id, which is kept as text.
    static func guid(_ id: String) -> [UInt8]? {
        let utf8 = id.utf8
        guard utf8.count == 36 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        var high: UInt8?
        for (position, character) in utf8.enumerated() {
            if position == 8 || position == 13 || position == 18 || position == 23 {
                guard character == UInt8(ascii: "-") else { return nil }
                continue
            }
            let nibble: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = character - UInt8(ascii: "a") + 10
            default: return nil
            }
            if let first = high {
                bytes.append(first << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return bytes
    }

    /// The GUID form of 16 bytes, as ``guid(_:)`` read it.
    static func text(guid: ArraySlice<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 36) { buffer in
            var index = 0
            for (number, byte) in guid.enumerated() {
                if number == 4 || number == 6 || number == 8 || number == 10 {
                    buffer[index] = UInt8(ascii: "-")
                    index += 1
                }
                buffer[index] = digits[Int(byte >> 4)]
                buffer[index + 1] = digits[Int(byte & 15)]
                index += 2
            }
            return index
        }
    }
}
