/// A minimal DER (ASN.1) reader: enough to take an X.509 certificate apart down to its RSA key.
struct DERReader {
    /// One element: its tag and its content bytes.
    struct Element {
        var tag: UInt8
        var content: ArraySlice<UInt8>
    }

    private var bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { bytes.isEmpty }

    /// The next element, or nil when the bytes are not well-formed DER.
    mutating func next() -> Element? {
        guard let tag = bytes.first else { return nil }
        var index = bytes.index(after: bytes.startIndex)
        guard index < bytes.endIndex else { return nil }
        var length = Int(bytes[index])
        index += 1
        if length & 0x80 != 0 {
            let count = length & 0x7F
            guard count > 0, count <= 4, index + count <= bytes.endIndex else { return nil }
            length = 0
            for byte in bytes[index..<index + count] { length = length << 8 | Int(byte) }
            index += count
        }
        guard length >= 0, index + length <= bytes.endIndex else { return nil }
        let content = bytes[index..<index + length]
        bytes = bytes[(index + length)...]
        return Element(tag: tag, content: content)
    }

    /// The children of a constructed element.
    static func children(_ element: Element) -> [Element]? {
        var reader = DERReader(element.content)
        var out: [Element] = []
        while !reader.isAtEnd {
            guard let child = reader.next() else { return nil }
            out.append(child)
        }
        return out
    }
}
