import Foundation

/// The account as labelled facts, in the order both front ends show them; what a provider does
/// not have (Graph's per-user MFA for Auth0, Auth0's logins for Graph) is left out.
extension AccountDetails {
    public var facts: [AccountFact] {
        var facts = [
            AccountFact("user", "User", user.principalName, value: user.principalName),
            AccountFact("id", "ID", user.id, value: user.id),
            AccountFact("displayName", "Name", user.displayName, value: user.displayName),
        ]
        if let accountEnabled {
            facts.append(AccountFact(
                "accountEnabled", "Sign-in", accountEnabled ? "enabled" : "blocked (account disabled)",
                value: String(accountEnabled)))
        }
        if let synced {
            facts.append(AccountFact("synced", "Synced", synced ? "yes, from on-premises" : "no (cloud only)", value: String(synced)))
        }
        if let roles {
            facts.append(AccountFact(
                "roles", "Roles", roles.text { $0.isEmpty ? "none" : $0.joined(separator: ", ") },
                value: roles.value?.joined(separator: "; ")))
        }
        if let perUserMfaState {
            facts.append(AccountFact(
                "perUserMfaState", "Per-user MFA", perUserMfaState.text(\.rawValue), value: perUserMfaState.value?.rawValue))
        }
        if let registration { facts += Self.registrationFacts(registration) }
        if let lastSignIn {
            facts.append(AccountFact(
                "lastSignIn", "Last sign-in", lastSignIn.text { $0.map(AuthMethod.timestamp) ?? "never" },
                value: lastSignIn.value.flatMap { $0.map(Self.iso) }))
        }
        if let bruteForceBlocks {
            facts.append(AccountFact(
                "bruteForceBlocks", "Brute-force blocks",
                bruteForceBlocks.text { blocks in
                    blocks.isEmpty ? "none"
                        : blocks.map { $0.identifier + ($0.ip.map { " from \($0)" } ?? "") }.joined(separator: ", ")
                },
                value: bruteForceBlocks.value.map { String($0.count) }))
        }
        if bruteForceBlocks != nil {
            facts.append(AccountFact("lastLogin", "Last login", lastLogin.map(AuthMethod.timestamp) ?? "never", value: lastLogin.map(Self.iso)))
            facts.append(AccountFact("loginsCount", "Logins", loginsCount.map(String.init) ?? "0", value: String(loginsCount ?? 0)))
        }
        return facts
    }

    static func registrationFacts(_ registration: Readable<RegistrationDetails>) -> [AccountFact] {
        guard let details = registration.value else {
            let text = registration.text { _ in "" }
            return [AccountFact("isMfaRegistered", "Registration", text, value: nil)]
        }
        func yesNo(_ flag: Bool?) -> String { flag.map { $0 ? "yes" : "no" } ?? "unknown" }
        let methods = details.methodsRegistered.isEmpty ? "none" : details.methodsRegistered.joined(separator: ", ")
        return [
            AccountFact("isMfaRegistered", "MFA registered", yesNo(details.isMfaRegistered), value: details.isMfaRegistered.map(String.init)),
            AccountFact("isMfaCapable", "MFA capable", yesNo(details.isMfaCapable), value: details.isMfaCapable.map(String.init)),
            AccountFact("methodsRegistered", "Registered", methods, value: details.methodsRegistered.joined(separator: ";")),
            AccountFact(
                "defaultMethod", "Default method",
                details.userPreferredMethod.flatMap { $0 == "none" ? nil : $0 } ?? details.defaultMfaMethod ?? "none",
                value: details.userPreferredMethod.flatMap { $0 == "none" ? nil : $0 } ?? details.defaultMfaMethod),
            AccountFact(
                "registrationUpdated", "Report updated", details.lastUpdated.map(AuthMethod.timestamp) ?? "unknown",
                value: details.lastUpdated.map(iso)),
        ]
    }

    static func iso(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
