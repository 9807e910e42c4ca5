import AuthdeskCore
import Foundation

/// Reads Graph's JSON into the core types: users, and authentication methods by their
/// `@odata.type` (types this version does not know become ``UnknownMethod``, never dropped).
enum GraphDecoder {
    /// The fields ``DirectoryUser`` holds, for `$select`.
    static let userFields = [
        "id", "displayName", "userPrincipalName", "mail", "jobTitle", "department",
        "accountEnabled", "onPremisesSyncEnabled",
    ]

    static func user(_ json: JSONValue) -> DirectoryUser? {
        guard let id = json["id"]?.string, !id.isEmpty else { return nil }
        let principal = json["userPrincipalName"]?.string ?? json["mail"]?.string ?? ""
        return DirectoryUser(
            id: id, displayName: json["displayName"]?.string ?? principal,
            principalName: principal, mail: json["mail"]?.string,
            jobTitle: json["jobTitle"]?.string, department: json["department"]?.string,
            accountEnabled: json["accountEnabled"]?.bool,
            onPremisesSyncEnabled: json["onPremisesSyncEnabled"]?.bool)
    }

    /// The items of a `{"value":[...]}` list and its `@odata.nextLink`.
    static func list(_ json: JSONValue) -> (items: [JSONValue], next: String?)? {
        guard let items = json["value"]?.array else { return nil }
        return (items, json["@odata.nextLink"]?.string)
    }

    /// One method. `defaultType` names the type for lists of one type (`phoneMethods`) whose
    /// items carry no `@odata.type`.
    static func method(_ json: JSONValue, defaultType: String? = nil) -> AuthMethod? {
        guard json.object != nil else { return nil }
        let id = json["id"]?.string ?? ""
        let fullType = json["@odata.type"]?.string ?? defaultType.map { "#microsoft.graph.\($0)" } ?? ""
        let type = fullType.hasPrefix("#microsoft.graph.")
            ? String(fullType.dropFirst("#microsoft.graph.".count))
            : fullType.hasPrefix("#") ? String(fullType.dropFirst()) : fullType
        let created = json["createdDateTime"]?.date ?? json["creationDateTime"]?.date
        let displayName = json["displayName"]?.string
        switch type {
        case "passwordAuthenticationMethod":
            return .password(PasswordMethod(id: id, createdAt: created))
        case "phoneAuthenticationMethod":
            return .phone(PhoneMethod(
                id: id, phoneNumber: json["phoneNumber"]?.string ?? "",
                phoneType: json["phoneType"]?.string.flatMap(PhoneType.init(rawValue:)) ?? PhoneType(methodID: id),
                smsSignInState: json["smsSignInState"]?.string.map(SmsSignInState.init(rawValue:))))
        case "emailAuthenticationMethod":
            return .email(EmailMethod(id: id, emailAddress: json["emailAddress"]?.string ?? ""))
        case "fido2AuthenticationMethod":
            return .fido2(Fido2Method(
                id: id, displayName: displayName, aaGuid: json["aaGuid"]?.string, model: json["model"]?.string,
                attestationLevel: json["attestationLevel"]?.string, passkeyType: json["passkeyType"]?.string,
                createdAt: created))
        case "microsoftAuthenticatorAuthenticationMethod":
            return .microsoftAuthenticator(MicrosoftAuthenticatorMethod(
                id: id, displayName: displayName, deviceTag: json["deviceTag"]?.string,
                phoneAppVersion: json["phoneAppVersion"]?.string, createdAt: created))
        case "softwareOathAuthenticationMethod":
            return .softwareOath(SoftwareOathMethod(id: id))
        case "temporaryAccessPassAuthenticationMethod":
            return .temporaryAccessPass(TemporaryAccessPassMethod(
                id: id, startDateTime: json["startDateTime"]?.date, lifetimeInMinutes: json["lifetimeInMinutes"]?.int,
                isUsableOnce: json["isUsableOnce"]?.bool, isUsable: json["isUsable"]?.bool,
                methodUsabilityReason: json["methodUsabilityReason"]?.string, createdAt: created))
        case "windowsHelloForBusinessAuthenticationMethod":
            return .windowsHelloForBusiness(KeyCredentialMethod(
                id: id, displayName: displayName, keyStrength: json["keyStrength"]?.string, createdAt: created))
        case "platformCredentialAuthenticationMethod":
            return .platformCredential(KeyCredentialMethod(
                id: id, displayName: displayName, keyStrength: json["keyStrength"]?.string,
                platform: json["platform"]?.string, createdAt: created))
        case "qrCodePinAuthenticationMethod":
            let standard = json["standardQRCode"], temporary = json["temporaryQRCode"], pin = json["pin"]
            return .qrCodePin(QrCodePinMethod(
                id: id, standardStarts: standard?["startDateTime"]?.date, standardExpires: standard?["expireDateTime"]?.date,
                temporaryExpires: temporary?["expireDateTime"]?.date, forceChangePin: pin?["forceChangePinNextSignIn"]?.bool,
                pinUpdated: pin?["updatedDateTime"]?.date, createdAt: created))
        case "externalAuthenticationMethod":
            return .externalAuthentication(ExternalAuthenticationMethod(
                id: id, displayName: displayName, configurationId: json["configurationId"]?.string, createdAt: created))
        case "hardwareOathAuthenticationMethod":
            let device = json["device"]
            func field(_ name: String) -> String? { json[name]?.string ?? device?[name]?.string }
            return .hardwareOath(HardwareOathMethod(
                id: id, displayName: displayName ?? device?["displayName"]?.string,
                serialNumber: field("serialNumber"), manufacturer: field("manufacturer"),
                model: field("model"), status: field("status")))
        default:
            var fields: [String: String] = [:]
            for (key, value) in json.object ?? [:] where !key.hasPrefix("@") && key != "id" {
                if let text = value.scalarText { fields[key] = text }
            }
            return .unknown(UnknownMethod(id: id, typeName: fullType.isEmpty ? "unknown" : fullType, fields: fields))
        }
    }
}
