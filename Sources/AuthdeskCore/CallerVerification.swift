import Foundation

/// How the operator checked that the caller is who they claim to be, before changing their
/// account: helpdesk social engineering is where account takeovers start, so the answer is
/// journalled with the change (and required when the profile sets `require_caller_verification`).
public struct CallerVerification: Sendable, Hashable, Codable {
    /// The ways a caller can be verified, as the command line and the journal spell them.
    public enum Method: String, Sendable, Hashable, Codable, CaseIterable {
        /// Called back on the number already on file.
        case callback
        /// Confirmed by the caller's manager.
        case manager
        /// Seen in person.
        case inPerson = "in-person"
        /// An identity document was checked.
        case idDocument = "id-document"
        /// Verified through the ticket system's own identity check.
        case ticketSystem = "ticket-system"

        /// `callback|manager|in-person|id-document|ticket-system`.
        public static let names = allCases.map(\.rawValue).joined(separator: "|")

        /// What the console shows for it.
        public var displayName: String {
            switch self {
            case .callback: "Callback to the number on file"
            case .manager: "Confirmed by the manager"
            case .inPerson: "In person"
            case .idDocument: "ID document checked"
            case .ticketSystem: "Ticket system"
            }
        }
    }

    public var method: Method
    /// Free text: who called back, which document, ... (one line, at most 200 characters).
    public var note: String?

    /// Checks `note` (one line, at most 200 characters; empty means none).
    public init(method: Method, note: String? = nil) throws(ValidationError) {
        let trimmed = note?.trimmingCharacters(in: .whitespaces)
        if let trimmed, trimmed.contains(where: \.isNewline) || trimmed.count > 200 {
            throw ValidationError(field: "verification note", message: "one line of at most 200 characters")
        }
        self.method = method
        self.note = trimmed?.isEmpty == false ? trimmed : nil
    }

    /// Parses `--verified-by NAME`; an unknown name is refused with the valid ones.
    public init(parsing name: String, note: String? = nil) throws(ValidationError) {
        guard let method = Method(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw ValidationError(field: "--verified-by", message: "'\(name)' is not a way to verify a caller: use \(Method.names)")
        }
        try self.init(method: method, note: note)
    }

    /// `callback` or `callback: rang +1 206 555 0100 on file`.
    public var text: String {
        method.rawValue + (note.map { ": \($0)" } ?? "")
    }
}
