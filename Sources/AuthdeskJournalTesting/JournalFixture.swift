import AuthdeskCore
import AuthdeskJournal
import Foundation

/// A journal in a fresh temporary directory, and a small two-tenant plan to put in it: the test
/// double the journal's and the engine's tests share.
public struct JournalFixture {
    public let directory: URL

    public init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("authdesk-journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    public var url: URL { directory.appendingPathComponent("journal.sqlite") }

    public func open() throws -> Journal { try Journal(url: url) }

    public func remove() { try? FileManager.default.removeItem(at: directory) }

    /// A fixed time, whole seconds, so that stored dates compare equal.
    public static func time(_ offset: TimeInterval) -> Date { Date(timeIntervalSince1970: 1_790_000_000 + offset) }

    public static let mobile = AuthMethod.phone(PhoneMethod(id: PhoneType.mobile.methodID, phoneNumber: "+1 2065555555", phoneType: .mobile))
    public static let alternate = AuthMethod.phone(PhoneMethod(
        id: PhoneType.alternateMobile.methodID, phoneNumber: "+1 2065555556", phoneType: .alternateMobile))
    public static let authenticator = AuthMethod.microsoftAuthenticator(MicrosoftAuthenticatorMethod(id: "ma-1", displayName: "iPhone"))
    public static let token = AuthMethod.hardwareOath(HardwareOathMethod(id: "hw-1", serialNumber: "42", status: "activated"))
    public static let fido2 = AuthMethod.fido2(Fido2Method(id: "fido-1"))
    public static let password = AuthMethod.password(PasswordMethod())

    /// Adele (contoso): alternate mobile, mobile, authenticator (default); Ben (fabrikam): a
    /// hardware token and a FIDO2 key; Cameron (contoso): a password only.
    public static func plan() throws -> ResetJobPlan {
        try ResetJobPlan(policy: .portal, users: [
            UserResetPlan(
                tenant: "contoso", user: DirectoryUser(id: "u-adele", displayName: "Adele Vance", principalName: "adele@contoso.com"),
                methods: [password, mobile, alternate, authenticator], defaultMethodID: "ma-1", policy: .portal),
            UserResetPlan(
                tenant: "fabrikam", user: DirectoryUser(id: "u-ben", displayName: "Ben Walters", principalName: "ben@fabrikam.com"),
                methods: [password, token, fido2], policy: .portal),
            UserResetPlan(
                tenant: "contoso", user: DirectoryUser(id: "u-cameron", displayName: "Cameron White", principalName: "cameron@contoso.com"),
                methods: [password], policy: .portal),
        ])
    }
}
