import AuthdeskCore
import AuthdeskServices

/// Which default second factors a user's methods allow (Graph refuses the others with 400), and
/// the reading of a typed default, refused with the valid names.
public enum DefaultMethodChoice {
    /// `push`, `oath`, `sms`, ... as typed (any letter case); `none` and typing errors refused.
    public static func parse(_ text: String) throws(UsageError) -> DefaultMethod {
        let wanted = text.trimmingCharacters(in: .whitespaces)
        guard let method = DefaultMethod.allCases.first(where: { $0.rawValue.caseInsensitiveCompare(wanted) == .orderedSame }),
            method != .none
        else {
            throw UsageError("'\(text)' is not a default method: use one of \(DefaultMethod.settableNames)")
        }
        return method
    }

    /// The defaults `methods` allow, in Graph's order.
    public static func possible(for methods: [AuthMethod]) -> [DefaultMethod] {
        var phones: Set<PhoneType> = []
        var kinds: Set<MethodKind> = []
        for method in methods {
            kinds.insert(method.kind)
            if case .phone(let phone) = method, let type = phone.phoneType { phones.insert(type) }
        }
        var allowed: [DefaultMethod] = []
        if kinds.contains(.microsoftAuthenticator) { allowed.append(.push) }
        if kinds.contains(.softwareOath) || kinds.contains(.hardwareOath) { allowed.append(.oath) }
        if phones.contains(.mobile) { allowed += [.voiceMobile, .sms] }
        if phones.contains(.alternateMobile) { allowed.append(.voiceAlternateMobile) }
        if phones.contains(.office) { allowed.append(.voiceOffice) }
        return allowed
    }
}
