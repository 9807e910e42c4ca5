import Foundation

/// One of a user's authentication methods, typed by what it is, from either provider.
public enum AuthMethod: Sendable, Hashable, Identifiable {
    case password(PasswordMethod)
    case phone(PhoneMethod)
    case email(EmailMethod)
    case fido2(Fido2Method)
    case microsoftAuthenticator(MicrosoftAuthenticatorMethod)
    case softwareOath(SoftwareOathMethod)
    case hardwareOath(HardwareOathMethod)
    case temporaryAccessPass(TemporaryAccessPassMethod)
    case windowsHelloForBusiness(KeyCredentialMethod)
    case platformCredential(KeyCredentialMethod)
    case qrCodePin(QrCodePinMethod)
    case externalAuthentication(ExternalAuthenticationMethod)
    case auth0(Auth0Method)
    case unknown(UnknownMethod)

    public var id: String {
        switch self {
        case .password(let m): m.id
        case .phone(let m): m.id
        case .email(let m): m.id
        case .fido2(let m): m.id
        case .microsoftAuthenticator(let m): m.id
        case .softwareOath(let m): m.id
        case .hardwareOath(let m): m.id
        case .temporaryAccessPass(let m): m.id
        case .windowsHelloForBusiness(let m): m.id
        case .platformCredential(let m): m.id
        case .qrCodePin(let m): m.id
        case .externalAuthentication(let m): m.id
        case .auth0(let m): m.id
        case .unknown(let m): m.id
        }
    }

    public var kind: MethodKind {
        switch self {
        case .password: .password
        case .phone: .phone
        case .email: .email
        case .fido2: .fido2
        case .microsoftAuthenticator: .microsoftAuthenticator
        case .softwareOath: .softwareOath
        case .hardwareOath: .hardwareOath
        case .temporaryAccessPass: .temporaryAccessPass
        case .windowsHelloForBusiness: .windowsHelloForBusiness
        case .platformCredential: .platformCredential
        case .qrCodePin: .qrCodePin
        case .externalAuthentication: .externalAuthentication
        case .auth0(let m): m.kind
        case .unknown: .unknown
        }
    }

    /// The line's title in the methods pane: the kind, made precise where it can be.
    public var title: String {
        switch self {
        case .phone(let m): m.phoneType?.displayName ?? MethodKind.phone.displayName
        case .unknown(let m): m.typeName
        case .auth0(let m) where m.kind == .unknown: m.type
        default: kind.displayName
        }
    }

    /// A short description for the list line: the number, address, device or model.
    public var summary: String {
        switch self {
        case .password: "password set"
        case .phone(let m): m.phoneNumber
        case .email(let m): m.emailAddress
        case .fido2(let m): m.displayName ?? m.model ?? ""
        case .microsoftAuthenticator(let m): m.displayName ?? m.deviceTag ?? ""
        case .softwareOath: "authenticator app (code)"
        case .hardwareOath(let m): [m.manufacturer, m.model, m.serialNumber].compactMap { $0 }.joined(separator: " ")
        case .temporaryAccessPass(let m):
            (m.isUsable == true ? "usable" : "not usable") + (m.lifetimeInMinutes.map { ", \($0) min" } ?? "")
        case .windowsHelloForBusiness(let m), .platformCredential(let m): m.displayName ?? ""
        case .qrCodePin(let m):
            (m.standardExpires.map { "badge until \(AuthMethod.day($0))" } ?? "QR code")
                + (m.temporaryExpires != nil ? ", temporary code" : "")
        case .externalAuthentication(let m): m.displayName ?? ""
        case .auth0(let m): m.phoneNumber ?? m.email ?? m.name ?? ""
        case .unknown(let m): m.fields["displayName"] ?? ""
        }
    }

    /// Every known fact about the method, labelled, for the details pane.
    public var details: [MethodDetail] {
        var out: [MethodDetail] = [MethodDetail("Type", title)]
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { out.append(MethodDetail(label, value)) }
        }
        func add(_ label: String, _ value: Bool?) {
            if let value { out.append(MethodDetail(label, value ? "yes" : "no")) }
        }
        func add(_ label: String, _ value: Date?) {
            if let value { out.append(MethodDetail(label, AuthMethod.timestamp(value))) }
        }
        switch self {
        case .password(let m):
            add("Created", m.createdAt)
        case .phone(let m):
            add("Number", m.phoneNumber)
            add("Phone type", m.phoneType?.rawValue)
            add("SMS sign-in", m.smsSignInState?.rawValue)
        case .email(let m):
            add("Address", m.emailAddress)
        case .fido2(let m):
            add("Name", m.displayName)
            add("Model", m.model)
            add("AAGUID", m.aaGuid)
            add("Attestation", m.attestationLevel)
            add("Passkey type", m.passkeyType)
            add("Created", m.createdAt)
        case .microsoftAuthenticator(let m):
            add("Device", m.displayName)
            add("Device tag", m.deviceTag)
            add("App version", m.phoneAppVersion)
            add("Created", m.createdAt)
        case .softwareOath:
            break
        case .hardwareOath(let m):
            add("Name", m.displayName)
            add("Serial number", m.serialNumber)
            add("Manufacturer", m.manufacturer)
            add("Model", m.model)
            add("Status", m.status)
        case .temporaryAccessPass(let m):
            add("Starts", m.startDateTime)
            add("Lifetime", m.lifetimeInMinutes.map { "\($0) minutes" })
            add("Usable once", m.isUsableOnce)
            add("Usable now", m.isUsable)
            add("Reason", m.methodUsabilityReason)
            add("Created", m.createdAt)
        case .windowsHelloForBusiness(let m), .platformCredential(let m):
            add("Device", m.displayName)
            add("Key strength", m.keyStrength)
            add("Platform", m.platform)
            add("Created", m.createdAt)
        case .qrCodePin(let m):
            add("Badge code from", m.standardStarts)
            add("Badge code until", m.standardExpires)
            add("Temporary until", m.temporaryExpires)
            add("PIN change due", m.forceChangePin)
            add("PIN set", m.pinUpdated)
            add("Created", m.createdAt)
        case .externalAuthentication(let m):
            add("Name", m.displayName)
            add("Configuration", m.configurationId)
            add("Created", m.createdAt)
        case .auth0(let m):
            add("Auth0 type", m.type)
            add("Name", m.name)
            add("Confirmed", m.confirmed)
            add("Phone", m.phoneNumber)
            add("Email", m.email)
            add("Preferred", m.preferredAuthenticationMethod)
            add("Created", m.createdAt)
            add("Last used", m.lastAuthAt)
        case .unknown(let m):
            for key in m.fields.keys.sorted() { add(key, m.fields[key]) }
        }
        out.append(MethodDetail("Id", id))
        return out
    }

    /// The UTC day of `date` (`2027-12-02`).
    public static func day(_ date: Date) -> String {
        String(timestamp(date).prefix(10))
    }

    /// UTC, to the second: how every time in the console and the tables reads.
    public static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false)
            .timeSeparator(.colon)).replacingOccurrences(of: "T", with: " ")
    }
}

extension AuthMethod {
    /// A method of `kind` with only its `id`: all a delete needs to address it (a bulk step
    /// journalled as kind and id). Nil for what cannot be deleted (the password, unknown types).
    public static func addressing(_ kind: MethodKind, id: String) -> AuthMethod? {
        switch kind {
        case .phone: return .phone(PhoneMethod(id: id, phoneNumber: "", phoneType: PhoneType(methodID: id)))
        case .email: return .email(EmailMethod(id: id, emailAddress: ""))
        case .fido2: return .fido2(Fido2Method(id: id))
        case .microsoftAuthenticator: return .microsoftAuthenticator(MicrosoftAuthenticatorMethod(id: id))
        case .softwareOath: return .softwareOath(SoftwareOathMethod(id: id))
        case .hardwareOath: return .hardwareOath(HardwareOathMethod(id: id))
        case .temporaryAccessPass: return .temporaryAccessPass(TemporaryAccessPassMethod(id: id))
        case .windowsHelloForBusiness: return .windowsHelloForBusiness(KeyCredentialMethod(id: id))
        case .platformCredential: return .platformCredential(KeyCredentialMethod(id: id))
        case .qrCodePin: return .qrCodePin(QrCodePinMethod(id: id))
        case .externalAuthentication: return .externalAuthentication(ExternalAuthenticationMethod(id: id))
        case .auth0Phone: return .auth0(Auth0Method(id: id, type: "phone"))
        case .auth0Email: return .auth0(Auth0Method(id: id, type: "email"))
        case .auth0Totp: return .auth0(Auth0Method(id: id, type: "totp"))
        case .auth0WebAuthnRoaming: return .auth0(Auth0Method(id: id, type: "webauthn-roaming"))
        case .auth0WebAuthnPlatform: return .auth0(Auth0Method(id: id, type: "webauthn-platform"))
        case .auth0Passkey: return .auth0(Auth0Method(id: id, type: "passkey"))
        case .auth0Push: return .auth0(Auth0Method(id: id, type: "push"))
        case .auth0RecoveryCode: return .auth0(Auth0Method(id: id, type: "recovery-code"))
        case .auth0Guardian: return .auth0(Auth0Method(id: id, type: "guardian"))
        case .auth0EmailVerification: return .auth0(Auth0Method(id: id, type: "email-verification"))
        case .password, .auth0Password, .unknown: return nil
        }
    }
}
