import Foundation

/// A user of an Entra tenant: the directory properties Graph serves and the user's methods.
struct UserRecord: Sendable, Equatable {
    var id: String
    var displayName: String
    var givenName: String?
    var surname: String?
    var userPrincipalName: String
    var mail: String?
    var jobTitle: String?
    var department: String?
    var officeLocation: String?
    var mobilePhone: String?
    var businessPhones: [String] = []
    var preferredLanguage: String?
    var accountEnabled: Bool = true
    var onPremisesSyncEnabled: Bool?
    var createdDateTime: String?
    var role: DirectoryRole?
    var methods: [MethodRecord] = []
    /// signInPreferences' `userPreferredMethodForSecondaryAuthentication` (nil: none).
    var preferredMethod: String?
    var systemPreferredMethodEnabled: Bool = true
    /// Sign-in sessions revoked at (revokeSignInSessions).
    var sessionsRevokedAt: Date?
    /// Legacy per-user MFA (beta `authentication/requirements`): disabled, enabled or enforced.
    var perUserMfaState = "disabled"
    /// `signInActivity.lastSignInDateTime` (nil: never signed in).
    var lastSignInDateTime: String?

    /// Whether the user holds an administrator role (the Authentication Administrator cannot touch them).
    var isAdmin: Bool { role != nil }

    /// The user as Graph's `/users` serves it by default, then the extra properties `$select` may ask for.
    func graphObject(select: [String]?) -> JSON {
        let all: [(String, JSON)] = [
            ("businessPhones", .array(businessPhones.map { .string($0) })),
            ("displayName", .string(displayName)),
            ("givenName", .str(givenName)),
            ("jobTitle", .str(jobTitle)),
            ("mail", .str(mail)),
            ("mobilePhone", .str(mobilePhone)),
            ("officeLocation", .str(officeLocation)),
            ("preferredLanguage", .str(preferredLanguage)),
            ("surname", .str(surname)),
            ("userPrincipalName", .string(userPrincipalName)),
            ("id", .string(id)),
        ]
        guard let select else {
            return .object(all.map { JSON.Member(key: $0.0, value: $0.1) })
        }
        let extra: [(String, JSON)] = [
            ("accountEnabled", .bool(accountEnabled)),
            ("department", .str(department)),
            ("onPremisesSyncEnabled", onPremisesSyncEnabled.map { .bool($0) } ?? .null),
            ("createdDateTime", .str(createdDateTime)),
            ("userType", .string("Member")),
            ("usageLocation", .null),
            ("signInActivity", .obj([
                "lastSignInDateTime": .str(lastSignInDateTime), "lastSignInRequestId": .str(lastSignInDateTime.map { _ in id }),
                "lastNonInteractiveSignInDateTime": .str(lastSignInDateTime), "lastSuccessfulSignInDateTime": .str(lastSignInDateTime),
            ])),
        ]
        var members: [JSON.Member] = []
        for name in select {
            guard let key = Self.propertyNames[name.lowercased()],
                  let value = all.first(where: { $0.0 == key })?.1 ?? extra.first(where: { $0.0 == key })?.1 else { continue }
            members.append(JSON.Member(key: key, value: value))
        }
        return .object(members)
    }

    /// The properties ``graphObject(select:)`` serves, by lowercased name (`$select` ignores case).
    static let propertyNames: [String: String] = Dictionary(uniqueKeysWithValues: [
        "businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation",
        "preferredLanguage", "surname", "userPrincipalName", "id", "accountEnabled", "department",
        "onPremisesSyncEnabled", "createdDateTime", "userType", "usageLocation", "signInActivity",
    ].map { ($0.lowercased(), $0) })

    /// Names of selectable user properties (for `$select` validation).
    static let selectableProperties = Set(propertyNames.keys)

    func method(id: String) -> MethodRecord? {
        methods.first { $0.id.equalsIgnoringCase(id) }
    }

    func methods(of type: GraphMethodType) -> [MethodRecord] {
        methods.filter { $0.type == type }
    }
}
