/// A QR code (ISO/IEC 18004) of some bytes, so that the console can show an `otpauth://` URI
/// as a code an authenticator app scans: byte mode, error correction level L, versions 1 to 10
/// (up to 271 bytes), the mask with the lowest penalty unless one is asked for. `modules[y][x]`
/// is true for a dark module.
public struct QrCode: Sendable, Equatable {
    public let version: Int
    public let mask: Int
    public let modules: [[Bool]]

    public var size: Int { modules.count }

    /// Why some bytes cannot be encoded here.
    public struct TooLong: Error, Sendable, Equatable {
        public let count: Int
    }

    /// Total codewords, error correction codewords per block and blocks, for level L by version.
    static let totalCodewords = [26, 44, 70, 100, 134, 172, 196, 242, 292, 346]
    static let eccPerBlock = [7, 10, 15, 20, 26, 18, 20, 24, 30, 18]
    static let blocks = [1, 1, 1, 1, 1, 2, 2, 2, 2, 4]
    static let alignment: [[Int]] = [[], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50]]

    static func dataCodewords(_ version: Int) -> Int {
        totalCodewords[version - 1] - eccPerBlock[version - 1] * blocks[version - 1]
    }

    /// The most bytes one version holds in byte mode (mode, count, terminator aside).
    static func capacity(_ version: Int) -> Int {
        (dataCodewords(version) * 8 - 4 - (version < 10 ? 8 : 16)) / 8
    }

    /// The code of `text`'s UTF-8 bytes in the smallest version that holds them.
    public init(_ text: String, mask: Int? = nil) throws(TooLong) {
        try self.init(bytes: Array(text.utf8), mask: mask)
    }

    public init(bytes: [UInt8], mask: Int? = nil) throws(TooLong) {
        guard let version = (1...10).first(where: { Self.capacity($0) >= bytes.count }) else {
            throw TooLong(count: bytes.count)
        }
        let codewords = Self.interleaved(Self.dataCodewords(bytes, version: version), version: version)
        var grid = QrGrid(version: version)
        grid.drawFunctionPatterns()
        grid.drawCodewords(codewords)
        let chosen = mask ?? (0..<8).min { grid.masked($0).penalty < grid.masked($1).penalty } ?? 0
        self.version = version
        self.mask = chosen
        modules = grid.masked(chosen).modules
    }

    /// Mode, count, the bytes, terminator and padding, as codewords.
    static func dataCodewords(_ bytes: [UInt8], version: Int) -> [UInt8] {
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) {
            for shift in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) }
        }
        append(0b0100, 4)
        append(bytes.count, version < 10 ? 8 : 16)
        for byte in bytes { append(Int(byte), 8) }
        let capacity = dataCodewords(version) * 8
        append(0, min(4, capacity - bits.count))
        append(0, (8 - bits.count % 8) % 8)
        var codewords = stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) }
        }
        var pad: UInt8 = 0xEC
        while codewords.count < dataCodewords(version) {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }

    /// The data split into blocks, each with its Reed-Solomon codewords, interleaved.
    static func interleaved(_ data: [UInt8], version: Int) -> [UInt8] {
        let count = blocks[version - 1], ecc = eccPerBlock[version - 1], total = totalCodewords[version - 1]
        let shortBlocks = count - total % count
        let shortLength = total / count
        let divisor = ReedSolomon.divisor(degree: ecc)
        var all: [[UInt8]] = []
        var start = 0
        for index in 0..<count {
            let length = shortLength - ecc + (index < shortBlocks ? 0 : 1)
            var block = Array(data[start..<start + length])
            start += length
            let remainder = ReedSolomon.remainder(block, divisor: divisor)
            if index < shortBlocks { block.append(0) }
            all.append(block + remainder)
        }
        var result: [UInt8] = []
        for column in 0..<all[0].count {
            for (index, block) in all.enumerated() where column != shortLength - ecc || index >= shortBlocks {
                result.append(block[column])
            }
        }
        return result
    }
}

/// Reed-Solomon error correction over GF(256) with QR's polynomial (0x11D).
enum ReedSolomon {
    static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
        var z = 0
        for bit in stride(from: 7, through: 0, by: -1) {
            z = (z << 1) ^ ((z >> 7) * 0x11D)
            z ^= ((Int(y) >> bit) & 1) * Int(x)
        }
        return UInt8(z & 0xFF)
    }

    static func divisor(degree: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree)
        result[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for index in 0..<degree {
                result[index] = multiply(result[index], root)
                if index + 1 < degree { result[index] ^= result[index + 1] }
            }
            root = multiply(root, 0x02)
        }
        return result
    }

    static func remainder(_ data: [UInt8], divisor: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: divisor.count)
        for byte in data {
            let factor = byte ^ result.removeFirst()
            result.append(0)
            for index in result.indices { result[index] ^= multiply(divisor[index], factor) }
        }
        return result
    }
}
