import Crypto
import Foundation

/// The audit log's hash chain, independent of where the entries are stored (SQLite here,
/// PostgreSQL in team mode): each entry's hash is SHA-256 over the previous entry's hash and the
/// entry's content, so an entry edited, removed, inserted or moved breaks the chain from there on.
public enum AuditChain {
    /// The "previous hash" of the first chained entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// The columns an entry's hash covers, in order (every column but the id and the hashes: the
    /// position is the chain's, so a moved entry shows as out of place, not as edited).
    public static let columns = [
        "at", "operatorName", "tenant", "userID", "userName", "action", "target", "outcome", "detail", "requestID",
        "ticket", "jobID", "redacted", "verification", "requests", "methodsBefore", "methodsAfter", "undoOf",
    ]

    /// The hex SHA-256 of `previous` and `fields` (each as stored: text, a number as text, or
    /// nil), in an unambiguous encoding: `N` for nil, else `S<length>:<text>`.
    public static func hash(previous: String, fields: [String?]) -> String {
        var text = previous + "\n"
        for field in fields {
            if let field {
                text += "S\(field.utf8.count):\(field)"
            } else {
                text += "N"
            }
        }
        return hex(SHA256.hash(data: Data(text.utf8)))
    }

    /// Lower-case hex of `bytes` (not `String(format:)` a byte: that showed in a bulk run's profile).
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// What a checkpoint signs: the entry's id and its hash.
    public static func checkpointMessage(entryID: Int64, hash: String) -> Data {
        Data("authdesk audit checkpoint \(entryID) \(hash)".utf8)
    }
}
