import AuthdeskJournal
import Crypto
import Foundation
import PostgresNIO

/// The team journal's registry of signing keys (`audit_signer`, append-only): every host signs
/// the checkpoints it appends with its own key, registers that key the first time, and names it
/// on each checkpoint, so that any host verifies every host's checkpoints.
enum TeamAuditSigners {
    /// This host's key, as it is registered.
    struct Signer: Sendable {
        var keyID: String
        var publicKey: Curve25519.Signing.PublicKey
    }

    /// `signer`'s key (created if there is none yet) and its key id.
    static func key(of signer: AuditSigner) throws(JournalError) -> Signer {
        guard let publicKey = try signer.publicKey() else {
            throw .storage("cannot read the audit signing key \(signer.url.path)")
        }
        return Signer(keyID: AuditSigner.keyID(of: publicKey), publicKey: publicKey)
    }

    /// Registers `key` unless it is there already, in the caller's transaction.
    static func register(_ key: Signer, host: String, operatorName: String?, on connection: PostgresConnection) async throws {
        let publicKey = key.publicKey.rawRepresentation.base64EncodedString()
        try await connection.query(
            """
            INSERT INTO audit_signer (key_id, public_key, host, operator_name, registered_at)
            VALUES (\(key.keyID), \(publicKey), \(host), \(operatorName), now())
            ON CONFLICT (key_id) DO NOTHING
            """, logger: TeamJournalDatabase.logger)
    }

    /// Every registered key by its id. A row whose key does not decode, or whose id is not its
    /// key's fingerprint, is left out: checkpoints naming it are then bad signatures.
    static func registry(_ client: PostgresClient) async throws -> [String: Curve25519.Signing.PublicKey] {
        var keys: [String: Curve25519.Signing.PublicKey] = [:]
        let rows = try await client.query("SELECT key_id, public_key FROM audit_signer", logger: TeamJournalDatabase.logger)
        for try await (keyID, text) in rows.decode((String, String).self) {
            guard let raw = Data(base64Encoded: text), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw),
                AuditSigner.keyID(of: key) == keyID
            else { continue }
            keys[keyID] = key
        }
        return keys
    }
}
