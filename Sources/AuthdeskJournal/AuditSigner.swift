import Crypto
import Foundation
import Synchronization

/// The Ed25519 key that signs the audit log's checkpoints: created on first use in the state
/// directory (`audit-signing.key`, readable by its owner only), then reused.
public final class AuditSigner: Sendable {
    /// The key file.
    public let url: URL
    /// The key once read or made: rebuilding it from its raw bytes for every signature derived
    /// its public key again each time (a scalar multiplication as costly as the signature).
    private let key = Mutex<Curve25519.Signing.PrivateKey?>(nil)

    /// The key in `directory` (not read or created until needed).
    public init(directory: URL) {
        url = directory.appendingPathComponent("audit-signing.key", isDirectory: false)
    }

    /// Signs `message`, creating the key first if there is none.
    public func sign(_ message: Data) throws(JournalError) -> String {
        let privateKey = try privateKey(create: true)
        do {
            return try privateKey.signature(for: message).base64EncodedString()
        } catch {
            throw .storage("cannot sign the audit checkpoint: \(error)")
        }
    }

    /// The public key, base64; nil when no key was ever created.
    public func publicKey() throws(JournalError) -> Curve25519.Signing.PublicKey? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try privateKey(create: false).publicKey
    }

    private func privateKey(create: Bool) throws(JournalError) -> Curve25519.Signing.PrivateKey {
        if let loaded = key.withLock({ $0 }) {
            return loaded
        }
        let path = url.path
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            guard let raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)),
                let loaded = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
            else { throw .storage("\(path) is not an audit signing key (base64 Ed25519 private key)") }
            key.withLock { $0 = loaded }
            return loaded
        }
        guard create else { throw .storage("cannot read the audit signing key \(path)") }
        let made = Curve25519.Signing.PrivateKey()
        let text = Array((made.rawRepresentation.base64EncodedString() + "\n").utf8)
        // O_EXCL: when two processes create the key at once, one wins and the other reads its key.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if descriptor < 0 {
            if errno == EEXIST { return try privateKey(create: false) }
            throw .storage("cannot create the audit signing key \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        guard write(descriptor, text, text.count) == text.count, fsync(descriptor) == 0 else {
            throw .storage("cannot write the audit signing key \(path)")
        }
        key.withLock { $0 = made }
        return made
    }

    /// A stable fingerprint of `publicKey`: `ed25519:` and the first 16 bytes of the SHA-256 of
    /// its raw bytes, in hex. It names the key in a team journal's signer registry.
    public static func keyID(of publicKey: Curve25519.Signing.PublicKey) -> String {
        "ed25519:" + SHA256.hash(data: publicKey.rawRepresentation).prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `signature` (base64) is `publicKey`'s signature of `message`.
    public static func isValid(_ signature: String, of message: Data, by publicKey: Curve25519.Signing.PublicKey) -> Bool {
        guard let bytes = Data(base64Encoded: signature) else { return false }
        return publicKey.isValidSignature(bytes, for: message)
    }
}
