import Foundation

/// An RSA public key from an X.509 certificate, checking RS256 (PKCS #1 v1.5) and PS256 (PSS)
/// signatures of client assertions against the certificates registered for a tenant.
struct RSAPublicKey: Sendable {
    let modulus: [UInt8]
    let exponent: [UInt8]
    /// `x5t#S256`: base64url SHA-256 of the certificate's DER.
    let thumbprintSHA256: String
    /// `x5t`: base64url SHA-1 of the certificate's DER.
    let thumbprintSHA1: String

    /// Reads the first certificate of a PEM text; nil when there is none or it is not RSA.
    init?(certificatePEM pem: String) {
        let begin = "-----BEGIN CERTIFICATE-----"
        let end = "-----END CERTIFICATE-----"
        guard let start = pem.range(of: begin), let stop = pem.range(of: end, range: start.upperBound..<pem.endIndex) else { return nil }
        let body = pem[start.upperBound..<stop.lowerBound].filter { !$0.isWhitespace }
        guard let der = Data(base64Encoded: String(body)) else { return nil }
        self.init(certificateDER: [UInt8](der))
    }

    init?(certificateDER der: [UInt8]) {
        var reader = DERReader(ArraySlice(der))
        guard let certificate = reader.next(), certificate.tag == 0x30,
              let parts = DERReader.children(certificate), let tbs = parts.first, tbs.tag == 0x30,
              var fields = DERReader.children(tbs) else { return nil }
        if fields.first?.tag == 0xA0 { fields.removeFirst() }
        // serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo
        guard fields.count >= 6, let spki = DERReader.children(fields[5]), spki.count == 2,
              let algorithm = DERReader.children(spki[0]), algorithm.first?.tag == 0x06,
              Array(algorithm[0].content) == [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01],
              spki[1].tag == 0x03, spki[1].content.first == 0 else { return nil }
        var keyReader = DERReader(spki[1].content.dropFirst())
        guard let key = keyReader.next(), key.tag == 0x30, let numbers = DERReader.children(key), numbers.count == 2,
              numbers[0].tag == 0x02, numbers[1].tag == 0x02 else { return nil }
        modulus = Array(numbers[0].content.drop { $0 == 0 })
        exponent = Array(numbers[1].content.drop { $0 == 0 })
        thumbprintSHA256 = Base64URL.encode(Data(SHA.sha256(der)))
        thumbprintSHA1 = Base64URL.encode(Data(SHA.sha1(der)))
    }

    static let sha256DigestInfo: [UInt8] = [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20]

    /// s^e mod n as k bytes, or nil when the signature is not below the modulus.
    private func open(_ signature: [UInt8]) -> [UInt8]? {
        guard let n = MontgomeryModulus(bigEndian: modulus), signature.count == modulus.count else { return nil }
        let s = MontgomeryModulus.limbs(signature)
        guard MontgomeryModulus.compare(s, n.modulus) < 0 else { return nil }
        return MontgomeryModulus.bytes(n.power(s, exponent: exponent), length: modulus.count)
    }

    /// RS256: RSASSA-PKCS1-v1_5 with SHA-256.
    func verifyPKCS1(signature: [UInt8], message: [UInt8]) -> Bool {
        guard let em = open(signature) else { return false }
        let tail = RSAPublicKey.sha256DigestInfo + SHA.sha256(message)
        let padding = em.count - tail.count - 3
        guard padding >= 8 else { return false }
        return em == [0x00, 0x01] + [UInt8](repeating: 0xFF, count: padding) + [0x00] + tail
    }

    /// PS256: RSASSA-PSS with SHA-256 and MGF1-SHA-256, any salt length.
    func verifyPSS(signature: [UInt8], message: [UInt8]) -> Bool {
        guard let full = open(signature) else { return false }
        let modBits = (modulus.count - 1) * 8 + (8 - (modulus.first ?? 0).leadingZeroBitCount)
        let emBits = modBits - 1
        let emLength = (emBits + 7) / 8
        guard full.prefix(full.count - emLength).allSatisfy({ $0 == 0 }) else { return false }
        let em = Array(full.suffix(emLength))
        let hashLength = 32
        guard emLength >= hashLength + 2, em.last == 0xBC else { return false }
        let maskedDB = Array(em[0..<(emLength - hashLength - 1)])
        let h = Array(em[(emLength - hashLength - 1)..<(emLength - 1)])
        let topBits = 8 * emLength - emBits
        guard topBits == 0 || maskedDB[0] >> UInt8(8 - topBits) == 0 else { return false }
        var db = zip(maskedDB, RSAPublicKey.mgf1(h, length: maskedDB.count)).map { $0 ^ $1 }
        if topBits > 0 { db[0] &= 0xFF >> UInt8(topBits) }
        guard let separator = db.firstIndex(where: { $0 != 0 }), db[separator] == 0x01 else { return false }
        let salt = db[(separator + 1)...]
        let check = SHA.sha256([UInt8](repeating: 0, count: 8) + SHA.sha256(message) + salt)
        return check == h
    }

    static func mgf1(_ seed: [UInt8], length: Int) -> [UInt8] {
        var out: [UInt8] = []
        var counter: UInt32 = 0
        while out.count < length {
            out += SHA.sha256(seed + [UInt8(counter >> 24), UInt8(truncatingIfNeeded: counter >> 16),
                                      UInt8(truncatingIfNeeded: counter >> 8), UInt8(truncatingIfNeeded: counter)])
            counter += 1
        }
        return Array(out.prefix(length))
    }
}
