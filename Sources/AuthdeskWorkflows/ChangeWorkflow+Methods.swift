import AuthdeskCore
import AuthdeskServices
import Foundation

extension ChangeWorkflow {
    /// Deletes the user's method with id `methodID` (any letter case), found among their methods
    /// so that the endpoint of its type is used. An unknown id is refused with the user's ids.
    public func deleteMethod(of reference: String, id methodID: String) async throws -> AuthMethod {
        let wanted = methodID.trimmingCharacters(in: .whitespaces)
        let target = try await user(reference)
        return try await holding(target) {
            try await preflight(.changeMethods, on: target)
            let methods = try await provider.methods(of: target.id)
            guard let method = methods.first(where: { $0.id.caseInsensitiveCompare(wanted) == .orderedSame }) else {
                let known = methods.map { "  \($0.id)  \($0.kind.rawValue)  \($0.title)" }.joined(separator: "\n")
                throw UsageError(
                    "\(target.principalName) has no method with the id \(wanted); nothing was changed. Their methods:\n"
                        + (known.isEmpty ? "  (none)" : known))
            }
            _ = try await ChangeRequest.deleteMethod(userID: target.id, method: method).send(to: provider)
            return method
        }
    }

    /// Adds a phone of `type` with `number`; returns the phone the service made.
    public func addPhone(to reference: String, type: PhoneType, number: PhoneNumber) async throws -> AuthMethod {
        try await added(change(reference) { .addPhone(userID: $0.id, number: number.description, type: type) }.outcome)
    }

    /// Adds the e-mail method with `address`; returns the method the service made.
    public func addEmail(to reference: String, address: String) async throws -> AuthMethod {
        try await added(change(reference) { .addEmail(userID: $0.id, address: address) }.outcome)
    }

    func added(_ outcome: ChangeOutcome) throws -> AuthMethod {
        guard case .added(let method) = outcome else { throw CommandFailure("the service answered with no method") }
        return method
    }

    /// Puts `number` in the user's phone slot `type`; returns the phone as it now is.
    public func updatePhone(of reference: String, type: PhoneType, number: PhoneNumber) async throws -> AuthMethod {
        _ = try await change(reference) { .updatePhone(userID: $0.id, type: type, number: number.description) }
        return .phone(PhoneMethod(id: type.methodID, phoneNumber: number.description, phoneType: type))
    }

    /// Changes the user's e-mail method to `address`; returns the method as it now is.
    public func updateEmail(of reference: String, address: String) async throws -> AuthMethod {
        _ = try await change(reference) { .updateEmail(userID: $0.id, address: address) }
        return .email(EmailMethod(id: GraphProvider.emailMethodID, emailAddress: address.trimmingCharacters(in: .whitespaces)))
    }

    /// Turns SMS sign-in on or off for the user's mobile phone; returns the phone as it is now
    /// and what happened, with the state the service reports.
    public func setSmsSignIn(of reference: String, enabled: Bool) async throws -> (method: AuthMethod, result: String) {
        let (target, _) = try await change(reference) { .setSmsSignIn(userID: $0.id, enabled: enabled) }
        let methods = try await provider.methods(of: target.id)
        let mobile = methods.first { $0.id == PhoneType.mobile.methodID }
            ?? .phone(PhoneMethod(id: PhoneType.mobile.methodID, phoneNumber: "", phoneType: .mobile))
        var state = enabled ? "SMS sign-in enabled" : "SMS sign-in disabled"
        if case .phone(let phone) = mobile, let sms = phone.smsSignInState {
            state += " (state: \(sms.rawValue))"
        }
        return (mobile, state)
    }

    /// Issues a Temporary Access Pass for the user (replacing their current one).
    public func createTemporaryAccessPass(
        for reference: String, _ request: TemporaryAccessPassRequest
    ) async throws -> (user: DirectoryUser, issued: IssuedTemporaryAccessPass) {
        let (target, outcome) = try await change(reference) { .createTemporaryAccessPass(userID: $0.id, request) }
        guard case .pass(let issued) = outcome else { throw CommandFailure("the service issued no pass") }
        return (target, issued)
    }
}
