import AuthdeskCore
import AuthdeskServices

/// Users and methods the view-model tests share.
enum Fixtures {
    static let alice = DirectoryUser(id: "u-alice", displayName: "Alice Smith", principalName: "alice@contoso.com")
    static let alan = DirectoryUser(id: "u-alan", displayName: "Alan Turing", principalName: "alan@contoso.com")
    static let bob = DirectoryUser(id: "u-bob", displayName: "Bob Jones", principalName: "bob@contoso.com")

    static let aliceMethods: [AuthMethod] = [
        .password(PasswordMethod()),
        .phone(PhoneMethod(id: "3179e48a-750b-4051-897c-87b9720928f7", phoneNumber: "+1 2065555555", phoneType: .mobile)),
    ]
    static let bobMethods: [AuthMethod] = [
        .email(EmailMethod(id: "em-1", emailAddress: "bob@example.org")),
    ]

    /// `count` generated users, `user-000` upwards.
    static func numbered(_ count: Int) -> [DirectoryUser] {
        (0..<count).map { i in
            let n = String(i).count < 3 ? String(repeating: "0", count: 3 - String(i).count) + String(i) : String(i)
            return DirectoryUser(id: "id-\(n)", displayName: "User \(n)", principalName: "user-\(n)@contoso.com")
        }
    }
}
