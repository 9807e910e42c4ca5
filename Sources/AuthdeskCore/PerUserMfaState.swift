import Foundation

/// Entra's legacy per-user MFA state (`authentication/requirements`, beta): tenants that have not
/// moved to Conditional Access still switch MFA on per user this way.
public enum PerUserMfaState: String, Sendable, Hashable, Codable, CaseIterable {
    case disabled
    case enabled
    case enforced

    /// The states an operator may set, for "use one of" messages.
    public static let names = allCases.map(\.rawValue).joined(separator: ", ")

    /// Reads a state as typed (any letter case); a typing error is refused with the valid ones.
    public static func parse(_ text: String) throws(ValidationError) -> PerUserMfaState {
        let wanted = text.trimmingCharacters(in: .whitespaces)
        guard let state = allCases.first(where: { $0.rawValue.caseInsensitiveCompare(wanted) == .orderedSame }) else {
            throw ValidationError(field: "per-user MFA state", message: "'\(text)' is not one: use one of \(names)")
        }
        return state
    }
}
