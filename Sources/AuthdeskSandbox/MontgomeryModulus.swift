/// Modular exponentiation for RSA signature checks, with Montgomery multiplication over 32-bit
/// limbs (little-endian). Public-key operations only: nothing here needs to be constant-time.
struct MontgomeryModulus {
    let modulus: [UInt32]
    private let inverse: UInt32
    private let rSquared: [UInt32]

    /// A modulus from its big-endian bytes; nil for an even or empty one.
    init?(bigEndian bytes: [UInt8]) {
        let limbs = MontgomeryModulus.limbs(bytes)
        guard let low = limbs.first, low & 1 == 1 else { return nil }
        modulus = limbs
        var x: UInt32 = 1
        for _ in 0..<5 { x = x &* (2 &- low &* x) }
        inverse = 0 &- x
        // R² mod n by doubling 1 (2 · 32 · k) times.
        var r = [UInt32](repeating: 0, count: limbs.count)
        r[0] = 1
        for _ in 0..<(64 * limbs.count) { r = MontgomeryModulus.doubleMod(r, limbs) }
        rSquared = r
    }

    static func limbs(_ bytes: [UInt8]) -> [UInt32] {
        var trimmed = ArraySlice(bytes)
        while trimmed.first == 0 { trimmed = trimmed.dropFirst() }
        var out: [UInt32] = []
        var index = trimmed.endIndex
        while index > trimmed.startIndex {
            let start = max(trimmed.startIndex, index - 4)
            var word: UInt32 = 0
            for byte in trimmed[start..<index] { word = word << 8 | UInt32(byte) }
            out.append(word)
            index = start
        }
        return out
    }

    /// `value` as `length` big-endian bytes.
    static func bytes(_ value: [UInt32], length: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: length)
        for (i, word) in value.enumerated() {
            for j in 0..<4 {
                let position = length - 1 - (i * 4 + j)
                if position >= 0 { out[position] = UInt8(truncatingIfNeeded: word >> (8 * UInt32(j))) }
            }
        }
        return out
    }

    static func compare(_ a: [UInt32], _ b: [UInt32]) -> Int {
        for i in stride(from: max(a.count, b.count) - 1, through: 0, by: -1) {
            let x = i < a.count ? a[i] : 0
            let y = i < b.count ? b[i] : 0
            if x != y { return x < y ? -1 : 1 }
        }
        return 0
    }

    static func subtract(_ a: inout [UInt32], _ b: [UInt32]) {
        var borrow: UInt64 = 0
        for i in 0..<a.count {
            let y = UInt64(i < b.count ? b[i] : 0) + borrow
            let x = UInt64(a[i])
            if x >= y {
                a[i] = UInt32(x - y)
                borrow = 0
            } else {
                a[i] = UInt32(x + (1 << 32) - y)
                borrow = 1
            }
        }
    }

    static func doubleMod(_ value: [UInt32], _ n: [UInt32]) -> [UInt32] {
        var out = value + [0]
        var carry: UInt32 = 0
        for i in 0..<out.count {
            let next = out[i] >> 31
            out[i] = out[i] << 1 | carry
            carry = next
        }
        if compare(out, n) >= 0 { subtract(&out, n) }
        return Array(out.prefix(n.count))
    }

    /// a · b · R⁻¹ mod n.
    func multiply(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        let k = modulus.count
        var t = [UInt64](repeating: 0, count: k + 2)
        for i in 0..<k {
            let ai = UInt64(i < a.count ? a[i] : 0)
            var carry: UInt64 = 0
            for j in 0..<k {
                let sum = t[j] + ai * UInt64(j < b.count ? b[j] : 0) + carry
                t[j] = sum & 0xFFFF_FFFF
                carry = sum >> 32
            }
            var sum = t[k] + carry
            t[k] = sum & 0xFFFF_FFFF
            t[k + 1] += sum >> 32
            let m = UInt64(UInt32(truncatingIfNeeded: t[0]) &* inverse)
            sum = t[0] + m * UInt64(modulus[0])
            carry = sum >> 32
            for j in 1..<k {
                sum = t[j] + m * UInt64(modulus[j]) + carry
                t[j - 1] = sum & 0xFFFF_FFFF
                carry = sum >> 32
            }
            sum = t[k] + carry
            t[k - 1] = sum & 0xFFFF_FFFF
            t[k] = t[k + 1] + (sum >> 32)
            t[k + 1] = 0
        }
        var result = t.prefix(k + 1).map { UInt32(truncatingIfNeeded: $0) }
        if MontgomeryModulus.compare(result, modulus) >= 0 { MontgomeryModulus.subtract(&result, modulus) }
        return Array(result.prefix(k))
    }

    /// base^exponent mod n, for a base below n.
    func power(_ base: [UInt32], exponent: [UInt8]) -> [UInt32] {
        let baseMont = multiply(base, rSquared)
        var one = [UInt32](repeating: 0, count: modulus.count)
        one[0] = 1
        var result = multiply(one, rSquared)
        for byte in exponent {
            for bit in stride(from: 7, through: 0, by: -1) {
                result = multiply(result, result)
                if (byte >> UInt8(bit)) & 1 == 1 { result = multiply(result, baseMont) }
            }
        }
        return multiply(result, one)
    }
}
