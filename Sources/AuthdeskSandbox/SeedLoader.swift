import AuthdeskResources
import Foundation

/// Reads the seed files of `Resources/Seed` into tenants and fills them with generated users.
enum SeedLoader {
    /// A seed file that is missing or not in the expected shape.
    struct SeedError: Error, CustomStringConvertible {
        var description: String
    }

    static func document(_ name: String) throws -> JSON {
        let data = try AuthdeskResources.seedFile(name)
        guard let json = JSON.parse(data) else {
            throw SeedError(description: "seed file \(name) is not valid JSON")
        }
        return json
    }

    /// The Entra tenants with their named people and `usersPerTenant` generated users each.
    static func entraTenants(usersPerTenant: Int, seed: UInt64) throws -> [TenantRecord] {
        let (tenants, names) = try entraSeeds()
        return try tenants.map { try entraTenant($0, names: names, usersPerTenant: usersPerTenant, seed: seed) }
    }

    /// The tenants of entra-tenants.json, and the name pools users are generated from.
    static func entraSeeds() throws -> (tenants: [JSON], names: JSON) {
        let doc = try document("entra-tenants.json")
        guard let tenants = doc["tenants"]?.arrayValue else {
            throw SeedError(description: "entra-tenants.json has no tenants array")
        }
        return (tenants, try document("names.json"))
    }

    /// One Entra tenant of the seed with its named people and `usersPerTenant` generated users.
    static func entraTenant(_ tenant: JSON, names: JSON, usersPerTenant: Int, seed: UInt64) throws -> TenantRecord {
        guard let name = tenant["name"]?.stringValue, let id = tenant["id"]?.stringValue,
              let domain = tenant["domain"]?.stringValue, let clientId = tenant["clientId"]?.stringValue,
              let secret = tenant["clientSecret"]?.stringValue, let op = tenant["operator"]?.stringValue else {
            throw SeedError(description: "a tenant in entra-tenants.json lacks name, id, domain, clientId, clientSecret or operator")
        }
        var users = try (tenant["users"]?.arrayValue ?? []).map(namedUser)
        var generator = UserGenerator(names: names, domain: domain, seed: seed ^ SplitMix64.fnv1a(name))
        let taken = Set(users.map { $0.userPrincipalName.lowercased() })
        users += generator.users(count: max(0, usersPerTenant), avoiding: taken)
        let identity = SandboxInfo.Tenant(name: name, id: id, domain: domain, clientId: clientId, clientSecret: secret, operator: op)
        var record = TenantRecord(identity: identity, passwordWriteback: tenant["passwordWriteback"]?.boolValue ?? false,
                                  users: users)
        record.licence = tenant["licence"]?.stringValue ?? "free"
        for file in tenant["certificates"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
            let pem = String(decoding: try AuthdeskResources.seedFile(file), as: UTF8.self)
            guard let key = AppCertificate(certificatePEM: pem) else {
                throw SeedError(description: "\(file) is not a PEM certificate with an RSA key")
            }
            record.certificates.append(key)
        }
        return record
    }

    static func namedUser(_ json: JSON) throws -> UserRecord {
        guard let id = json["id"]?.stringValue, let displayName = json["displayName"]?.stringValue,
              let upn = json["userPrincipalName"]?.stringValue else {
            throw SeedError(description: "a user in entra-tenants.json lacks id, displayName or userPrincipalName")
        }
        var user = UserRecord(id: id, displayName: displayName, userPrincipalName: upn)
        user.givenName = json["givenName"]?.stringValue
        user.surname = json["surname"]?.stringValue
        user.mail = json["mail"]?.stringValue
        user.jobTitle = json["jobTitle"]?.stringValue
        user.department = json["department"]?.stringValue
        user.onPremisesSyncEnabled = json["onPremisesSyncEnabled"]?.boolValue
        user.preferredMethod = json["preferredMethod"]?.stringValue
        user.perUserMfaState = json["perUserMfaState"]?.stringValue ?? "disabled"
        user.lastSignInDateTime = json["lastSignInDateTime"]?.stringValue
        user.createdDateTime = "2020-01-01T00:00:00Z"
        if let role = json["role"]?.stringValue {
            guard let parsed = DirectoryRole(rawValue: role) else {
                throw SeedError(description: "unknown role \(role) for \(upn)")
            }
            user.role = parsed
        }
        user.methods = try (json["methods"]?.arrayValue ?? []).map { wire in
            guard let method = MethodRecord(wire: wire) else {
                throw SeedError(description: "a method of \(upn) has an unknown @odata.type or no id")
            }
            return method
        }
        if let mobile = user.methods.first(where: { $0.phoneType == "mobile" }) {
            user.mobilePhone = mobile.body["phoneNumber"]?.stringValue
        }
        return user
    }
}

extension SeedLoader {
    /// The Auth0 tenant with its named users and `usersCount / 2` generated ones.
    static func auth0Tenant(usersCount: Int, seed: UInt64) throws -> Auth0Tenant {
        let doc = try document("auth0-tenant.json")
        let names = try document("names.json")
        guard let clientId = doc["clientId"]?.stringValue, let secret = doc["clientSecret"]?.stringValue else {
            throw SeedError(description: "auth0-tenant.json lacks clientId or clientSecret")
        }
        var users: [Auth0User] = try (doc["users"]?.arrayValue ?? []).map { json in
            guard let id = json["user_id"]?.stringValue, let email = json["email"]?.stringValue else {
                throw SeedError(description: "an Auth0 user lacks user_id or email")
            }
            return Auth0User(userId: id, email: email, name: json["name"]?.stringValue ?? email,
                             nickname: json["nickname"]?.stringValue ?? email,
                             createdAt: json["created_at"]?.stringValue ?? "2020-01-01T00:00:00.000Z",
                             lastLogin: json["last_login"]?.stringValue, methods: json["methods"]?.arrayValue ?? [],
                             blockedFor: json["blocked_for"]?.arrayValue ?? [])
        }
        var generator = UserGenerator(names: names, domain: "example.com", seed: seed ^ SplitMix64.fnv1a("auth0"))
        let entra = generator.users(count: max(0, usersCount / 2), avoiding: Set(users.map { $0.email.lowercased() }))
        var rng = SplitMix64(seed: seed ^ SplitMix64.fnv1a("auth0-methods"))
        for user in entra {
            let created = (user.createdDateTime ?? "2022-01-01T00:00:00Z").replacingOccurrences(of: "Z", with: ".000Z")
            var methods: [JSON] = []
            for method in user.methods {
                let devId = "dev_" + rng.hex(16)
                switch method.type {
                case .phone where method.phoneType == "mobile":
                    methods.append(.obj(["id": .string("phone|\(devId)"), "type": .string("phone"), "confirmed": .bool(true),
                                         "name": .string("SMS"), "phone_number": .str(method.body["phoneNumber"]?.stringValue?.replacingOccurrences(of: " ", with: "")),
                                         "preferred_authentication_method": .string(rng.chance(0.8) ? "sms" : "voice"),
                                         "created_at": .string(created)]))
                case .microsoftAuthenticator:
                    methods.append(.obj(["id": .string("push|\(devId)"), "type": .string("push"), "confirmed": .bool(true),
                                         "name": .str(method.body["displayName"]?.stringValue), "created_at": .string(created)]))
                case .softwareOath:
                    methods.append(.obj(["id": .string("totp|\(devId)"), "type": .string("totp"), "confirmed": .bool(true),
                                         "created_at": .string(created)]))
                case .email:
                    methods.append(.obj(["id": .string("email|\(devId)"), "type": .string("email"), "confirmed": .bool(true),
                                         "name": .string("Email Factor"), "email": .str(method.body["emailAddress"]?.stringValue),
                                         "created_at": .string(created)]))
                case .fido2:
                    methods.append(.obj(["id": .string("webauthn-roaming|\(devId)"), "type": .string("webauthn-roaming"),
                                         "confirmed": .bool(true), "name": .str(method.body["displayName"]?.stringValue),
                                         "created_at": .string(created)]))
                case .windowsHelloForBusiness, .platformCredential:
                    methods.append(.obj(["id": .string("webauthn-platform|\(devId)"), "type": .string("webauthn-platform"),
                                         "confirmed": .bool(true), "name": .str(method.body["displayName"]?.stringValue),
                                         "created_at": .string(created)]))
                default:
                    continue
                }
            }
            users.append(Auth0User(userId: "auth0|65f2" + rng.hex(20), email: user.userPrincipalName, name: user.displayName,
                                   nickname: String(user.userPrincipalName.split(separator: "@").first ?? ""),
                                   createdAt: created, lastLogin: nil, methods: methods))
        }
        return Auth0Tenant(clientId: clientId, clientSecret: secret, users: users)
    }
}
