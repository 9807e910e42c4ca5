import AuthdeskCore
import Foundation

/// An Auth0 MFA enrollment ticket (`POST /guardian/enrollments/ticket`): a link with which the
/// user enrols a factor themselves. Whoever holds the link can enrol for the user, so it is a
/// secret: shown once, never journalled. Its description never contains the link.
public struct EnrollmentTicket: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    public var ticketID: String
    public var url: Secret

    public init(ticketID: String, url: Secret) {
        self.ticketID = ticketID
        self.url = url
    }

    public var description: String { "EnrollmentTicket(\(ticketID), url \(Redactor.mask))" }
    public var debugDescription: String { description }
}

/// What an enrollment ticket asks of the user: the factor to enrol (any, when nil), whether
/// Auth0 e-mails the link (to `email` rather than the user's address when given), and whether a
/// user who already has MFA may add another factor.
public struct EnrollmentTicketRequest: Sendable, Hashable {
    /// Auth0's `GuardianEnrollmentFactorEnum`.
    public enum Factor: String, Sendable, Hashable, CaseIterable {
        case pushNotification = "push-notification"
        case phone
        case email
        case otp
        case webAuthnRoaming = "webauthn-roaming"
        case webAuthnPlatform = "webauthn-platform"
    }

    public var factor: Factor?
    public var sendMail: Bool
    public var email: String?
    public var allowMultipleEnrollments: Bool

    public init(factor: Factor? = nil, sendMail: Bool = false, email: String? = nil, allowMultipleEnrollments: Bool = false) {
        self.factor = factor
        self.sendMail = sendMail
        self.email = email
        self.allowMultipleEnrollments = allowMultipleEnrollments
    }

    /// The valid factor names, as a refusal lists them.
    public static var factorNames: String { Factor.allCases.map(\.rawValue).joined(separator: ", ") }

    /// Checks the request before anything is sent: an alternative e-mail address is only for a
    /// ticket Auth0 e-mails, and must be an address.
    public func validate() throws(ServiceError) {
        guard let email else { return }
        guard sendMail else {
            throw ServiceError(kind: .badInput, code: "invalidEmail", message: "An e-mail address for the ticket needs --send-mail (Auth0 only uses it to send the link)")
        }
        _ = try GraphProvider.emailAddress(email)
    }

    /// The JSON body for `userID`.
    func body(userID: String) throws(ServiceError) -> Body {
        try validate()
        return Body(
            userID: userID, sendMail: sendMail, email: email?.trimmingCharacters(in: .whitespaces),
            factor: factor?.rawValue, allowMultipleEnrollments: allowMultipleEnrollments ? true : nil)
    }

    struct Body: Encodable {
        let userID: String
        let sendMail: Bool
        let email: String?
        let factor: String?
        let allowMultipleEnrollments: Bool?

        enum CodingKeys: String, CodingKey {
            case userID = "user_id", sendMail = "send_mail", email, factor
            case allowMultipleEnrollments = "allow_multiple_enrollments"
        }
    }
}
