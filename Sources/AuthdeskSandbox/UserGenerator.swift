/// Generates directory users deterministically from a seed: names in several scripts, some
/// admins, some synced from on-premises, and between them every kind of authentication method.
struct UserGenerator {
    private var rng: SplitMix64
    private let names: JSON
    private let domain: String

    init(names: JSON, domain: String, seed: UInt64) {
        self.rng = SplitMix64(seed: seed)
        self.names = names
        self.domain = domain
    }

    /// `count` users whose principal names avoid `taken`. The first users are made to hold one
    /// kind of method each, so that every kind is held by someone.
    mutating func users(count: Int, avoiding taken: Set<String>) -> [UserRecord] {
        var taken = taken
        let scripts = names["scripts"]?.arrayValue ?? []
        let weights = scripts.map { $0["weight"]?.intValue ?? 1 }
        let total = max(1, weights.reduce(0, +))
        var out: [UserRecord] = []
        for index in 0..<count {
            var roll = Int(rng.next() % UInt64(total))
            var script = scripts.first ?? .null
            for (position, weight) in weights.enumerated() {
                if roll < weight {
                    script = scripts[position]
                    break
                }
                roll -= weight
            }
            // Every script appears among the first users, whatever the weights say.
            if index < scripts.count * 2, !scripts.isEmpty {
                script = scripts[index % scripts.count]
            }
            var user = makeUser(script: script, taken: &taken)
            let forced = index < GraphMethodType.allCases.count ? GraphMethodType.allCases[index] : nil
            user.methods = makeMethods(for: user, forcing: forced)
            user.preferredMethod = preferred(for: user.methods)
            if let mobile = user.methods.first(where: { $0.phoneType == "mobile" }) {
                user.mobilePhone = mobile.body["phoneNumber"]?.stringValue
            }
            out.append(user)
        }
        return out
    }

    private mutating func pair(_ list: JSON?) -> (String, String) {
        let items = list?.arrayValue ?? []
        guard !items.isEmpty else { return ("User", "user") }
        let item = rng.pick(items).arrayValue ?? []
        return (item.first?.stringValue ?? "User", item.dropFirst().first?.stringValue ?? "user")
    }

    private mutating func word(_ key: String) -> String? {
        let items = names[key]?.arrayValue ?? []
        guard !items.isEmpty else { return nil }
        return rng.pick(items).stringValue
    }

    private mutating func makeUser(script: JSON, taken: inout Set<String>) -> UserRecord {
        let (given, givenRoman) = pair(script["given"])
        let (family, familyRoman) = pair(script["family"])
        let familyFirst = script["order"]?.stringValue == "family-given"
        let displayName = familyFirst ? "\(family) \(given)" : "\(given) \(family)"
        var local = "\(givenRoman).\(familyRoman)"
        var suffix = 2
        while taken.contains("\(local)@\(domain)".lowercased()) {
            local = "\(givenRoman).\(familyRoman)\(suffix)"
            suffix += 1
        }
        let upn = "\(local)@\(domain)"
        taken.insert(upn.lowercased())
        var user = UserRecord(id: rng.guid(), displayName: displayName, userPrincipalName: upn)
        user.givenName = given
        user.surname = family
        user.mail = rng.chance(0.9) ? upn : nil
        user.jobTitle = word("jobTitles")
        user.department = word("departments")
        user.officeLocation = rng.chance(0.7) ? word("officeLocations") : nil
        user.accountEnabled = rng.chance(0.95)
        user.onPremisesSyncEnabled = rng.chance(0.25) ? true : nil
        let (year, month, day) = (rng.int(in: 18...24), rng.int(in: 1...12), rng.int(in: 1...28))
        let (hour, minute) = (rng.int(in: 0...23), rng.int(in: 0...59))
        user.createdDateTime = Timestamps.wire(year: year, month: month, day: day, hour: hour, minute: minute, second: 0)
        if rng.chance(0.08) {
            user.role = rng.pick([.globalAdministrator, .privilegedAuthenticationAdministrator,
                                  .authenticationAdministrator, .userAdministrator, .helpdeskAdministrator])
        }
        return user
    }

    private mutating func timestamp() -> JSON {
        let (year, month, day) = (rng.int(in: 19...25), rng.int(in: 1...12), rng.int(in: 1...28))
        let (hour, minute, second) = (rng.int(in: 0...23), rng.int(in: 0...59), rng.int(in: 0...59))
        return .string(Timestamps.wire(year: year, month: month, day: day, hour: hour, minute: minute, second: second))
    }

    private mutating func phoneNumber() -> String {
        let codes = names["countryCodes"]?.arrayValue ?? []
        let code = codes.isEmpty ? .null : rng.pick(codes)
        let cc = code.arrayValue?.first?.stringValue ?? "1"
        let prefix = code.arrayValue?.dropFirst().first?.stringValue ?? "2065550"
        return "+\(cc) \(prefix)\(String(rng.int(in: 100...999)))"
    }

    /// A Graph-style credential id (base64url-ish, as FIDO2 and Windows Hello ids are).
    private mutating func credentialId() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        return String((0..<22).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }) + "2"
    }

    private mutating func makeMethods(for user: UserRecord, forcing forced: GraphMethodType?) -> [MethodRecord] {
        func want(_ type: GraphMethodType, _ p: Double) -> Bool {
            let roll = rng.chance(p)
            return roll || forced == type
        }
        var methods: [MethodRecord] = []
        let hasMobile = want(.phone, 0.6)
        if hasMobile {
            methods.append(phone("mobile", number: phoneNumber(),
                                 sms: rng.pick(["ready", "notEnabled", "notAllowedByPolicy", "notConfigured"])))
            if rng.chance(0.2) || forced == .phone {
                methods.append(phone("alternateMobile", number: phoneNumber(), sms: "notSupported"))
            }
        }
        if rng.chance(0.25) || forced == .phone {
            var number = "+1 4255550\(rng.int(in: 100...199))"
            if rng.chance(0.3) { number += "x\(rng.int(in: 100...999))" }
            methods.append(phone("office", number: number, sms: "notSupported"))
        }
        if want(.email, 0.3) {
            let local = user.userPrincipalName.split(separator: "@").first.map(String.init) ?? "user"
            methods.append(MethodRecord(type: .email, body: .obj([
                "id": .string("3ddfcfc8-9383-446f-83cc-3ab9be4be18f"),
                "emailAddress": .string("\(local)@\(rng.pick(["outlook.com", "gmail.com", "example.org"]))"),
            ])))
        }
        if want(.fido2, 0.15) {
            let models = names["fido2Models"]?.arrayValue ?? []
            let model = models.isEmpty ? .null : rng.pick(models)
            let modelName = model.arrayValue?.first?.stringValue ?? "Security key"
            methods.append(MethodRecord(type: .fido2, body: .obj([
                "id": .string(credentialId()),
                "displayName": .string(rng.pick([modelName, "Work key", "Backup key"])),
                "createdDateTime": timestamp(),
                "aaGuid": .str(model.arrayValue?.dropFirst().first?.stringValue),
                "model": .string(modelName),
                "attestationCertificates": .array([.string(rng.hex(40))]),
                "attestationLevel": .string(rng.chance(0.8) ? "attested" : "notAttested"),
                "passkeyType": .string(rng.chance(0.85) ? "deviceBound" : "synced"),
            ])))
        }
        if want(.microsoftAuthenticator, 0.45) {
            let devices = names["authenticatorDevices"]?.arrayValue ?? []
            let device = devices.isEmpty ? [] : (rng.pick(devices).arrayValue ?? [])
            methods.append(MethodRecord(type: .microsoftAuthenticator, body: .obj([
                "id": .string(rng.guid()),
                "displayName": .str(device.first?.stringValue),
                "deviceTag": .string("SoftwareTokenActivated"),
                "phoneAppVersion": .str(device.dropFirst(2).first?.stringValue),
                "createdDateTime": timestamp(),
            ])))
        }
        if want(.softwareOath, 0.15) {
            methods.append(MethodRecord(type: .softwareOath, body: .obj([
                "id": .string(rng.guid()), "secretKey": .null, "createdDateTime": timestamp(),
            ])))
        }
        if want(.temporaryAccessPass, 0.05) {
            let start = timestamp()
            methods.append(MethodRecord(type: .temporaryAccessPass, body: .obj([
                "id": .string(rng.guid()), "temporaryAccessPass": .null, "createdDateTime": start,
                "startDateTime": start, "lifetimeInMinutes": .int(rng.pick([60, 480, 1440])),
                "isUsableOnce": .bool(rng.chance(0.5)), "isUsable": .bool(false),
                "methodUsabilityReason": .string("Expired"),
            ])))
        }
        if want(.windowsHelloForBusiness, 0.2) {
            let devices = names["windowsDevices"]?.arrayValue ?? []
            methods.append(MethodRecord(type: .windowsHelloForBusiness, body: .obj([
                "id": .string(credentialId()),
                "displayName": devices.isEmpty ? .null : rng.pick(devices),
                "createdDateTime": timestamp(),
                "keyStrength": .string(rng.chance(0.9) ? "normal" : "weak"),
            ])))
        }
        if want(.platformCredential, 0.08) {
            let devices = names["platformDevices"]?.arrayValue ?? []
            let device = devices.isEmpty ? [] : (rng.pick(devices).arrayValue ?? [])
            methods.append(MethodRecord(type: .platformCredential, body: .obj([
                "id": .string(credentialId()),
                "displayName": .str(device.first?.stringValue),
                "createdDateTime": timestamp(),
                "keyStrength": .string("normal"),
                "platform": .string(device.dropFirst().first?.stringValue ?? "unknown"),
            ])))
        }
        if want(.hardwareOath, 0.05) {
            let tokens = names["hardwareTokens"]?.arrayValue ?? []
            let token = tokens.isEmpty ? [] : (rng.pick(tokens).arrayValue ?? [])
            let id = rng.guid()
            let name = "\(token.first?.stringValue ?? "OATH") token"
            methods.append(MethodRecord(type: .hardwareOath, body: .obj([
                "id": .string(id), "createdDateTime": timestamp(), "displayName": .string(name),
                "device": .obj([
                    "id": .string(id), "displayName": .string(name),
                    "serialNumber": .string("TOTP\(rng.int(in: 100_000...999_999))"),
                    "manufacturer": .str(token.first?.stringValue),
                    "model": .str(token.dropFirst().first?.stringValue),
                    "secretKey": .null, "timeIntervalInSeconds": .int(30), "hashFunction": .string("hmacsha1"),
                    "status": .string("activated"),
                ]),
            ])))
        }
        methods.append(MethodRecord(type: .password, body: .obj([
            "id": .string(GraphIds.passwordMethod), "password": .null, "createdDateTime": timestamp(),
        ])))
        return methods
    }

    private func phone(_ type: String, number: String, sms: String) -> MethodRecord {
        MethodRecord(type: .phone, body: .obj([
            "id": .string(GraphIds.phone(type) ?? ""), "phoneNumber": .string(number),
            "phoneType": .string(type), "smsSignInState": .string(type == "mobile" ? sms : "notSupported"),
        ]))
    }

    private mutating func preferred(for methods: [MethodRecord]) -> String? {
        let choices = methods.flatMap(\.defaultMethodNames)
        guard !choices.isEmpty else { return nil }
        if choices.contains("push"), rng.chance(0.7) { return "push" }
        return rng.pick(choices)
    }
}
