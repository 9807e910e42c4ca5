/// Entra's rules for who may act on whom, as the pre-flight applies them before a change is
/// sent: pure, so every row of the table is tested. Unknown roles give a warning, never a refusal.
///
/// From Microsoft's role reference ("Who can reset passwords", "Who can update sensitive
/// attributes", authentication methods): Global Administrator and Privileged Authentication
/// Administrator may act on everyone; an Authentication Administrator may change the methods of
/// users without an administrator role and of a few limited roles (Authentication
/// Administrator, Directory Readers, Guest Inviter, Message Center Reader, Password
/// Administrator, Reports Reader, Usage Summary Reports Reader). Only the authentication
/// administrators manage methods; Helpdesk, Password and User Administrators may also reset
/// passwords and revoke sessions, each for its own limited set. A password reset needs a
/// signed-in operator, never one's own account, and, for a user synced from on-premises,
/// password writeback.
public enum PreflightRule {
    /// The roles an Authentication Administrator may act on.
    static let authenticationAdministratorScope: Set<AdminRole> = [
        .authenticationAdministrator, .directoryReaders, .guestInviter, .messageCenterReader, .passwordAdministrator,
        .reportsReader, .usageSummaryReportsReader,
    ]
    static let helpdeskAdministratorScope: Set<AdminRole> = [
        .helpdeskAdministrator, .directoryReaders, .guestInviter, .messageCenterReader, .passwordAdministrator,
        .reportsReader, .usageSummaryReportsReader,
    ]
    static let passwordAdministratorScope: Set<AdminRole> = [.passwordAdministrator, .directoryReaders, .guestInviter]
    static let userAdministratorScope: Set<AdminRole> = helpdeskAdministratorScope.union([
        .userAdministrator, .groupsAdministrator,
    ])

    /// Whom holding `role` lets the operator act on for `action`: nil when it does not allow the
    /// action at all; `.everyone`; or users with no role or only roles in the set.
    enum Reach: Equatable {
        case everyone
        case limited(Set<AdminRole>)
    }

    static func reach(of role: AdminRole, for action: PreflightAction) -> Reach? {
        switch role {
        case .globalAdministrator, .privilegedAuthenticationAdministrator:
            return .everyone
        case .authenticationAdministrator:
            return .limited(authenticationAdministratorScope)
        case .helpdeskAdministrator where action == .resetPassword || action == .revokeSessions || action == .blockSignIn:
            return .limited(helpdeskAdministratorScope)
        case .passwordAdministrator where action == .resetPassword:
            return .limited(passwordAdministratorScope)
        case .userAdministrator where action == .resetPassword || action == .revokeSessions || action == .blockSignIn:
            return .limited(userAdministratorScope)
        default:
            return nil
        }
    }

    /// The verdict for `action` by `operator` on `target`.
    public static func verdict(
        operator profile: OperatorProfile, target: TargetFacts, action: PreflightAction
    ) -> PreflightVerdict {
        var verdict = PreflightVerdict.clear
        if action == .resetPassword {
            verdict = verdict.adding(passwordReset(profile, target))
        }
        verdict = verdict.adding(roles(profile, target, action))
        return verdict
    }

    /// The password reset's own rules: a signed-in operator, not oneself, writeback for synced users.
    static func passwordReset(_ profile: OperatorProfile, _ target: TargetFacts) -> PreflightVerdict {
        var verdict = PreflightVerdict.clear
        switch profile.signIn {
        case .application:
            verdict = verdict.adding(.refused(
                "a password reset needs a signed-in operator; this profile signs in as an application "
                    + "(client secret or certificate): use a device-code profile"))
        case .user(_, let id) where id.caseInsensitiveCompare(target.userID) == .orderedSame:
            verdict = verdict.adding(.refused(
                "you cannot reset your own password this way: use self-service password reset"))
        default:
            break
        }
        if target.syncedFromOnPremises == true {
            verdict = verdict.adding(.warning(
                "\(target.displayName) is synced from on-premises; the password reset needs password writeback "
                    + "(without it the reset fails) and a typed password"))
        }
        return verdict
    }

    /// The role rules: what the operator's roles reach, against the target's roles.
    static func roles(_ profile: OperatorProfile, _ target: TargetFacts, _ action: PreflightAction) -> PreflightVerdict {
        let name = target.displayName
        guard let operatorRoles = profile.roles else {
            if let targetRoles = target.adminRoles, let first = targetRoles.first {
                return .warning(
                    "\(name) is \(first.withArticle); your role is \(profile.rolesNote ?? "unknown"), "
                        + "so the service may refuse \(action.noun) for an administrator")
            }
            return .clear
        }
        let reaches = operatorRoles.compactMap { reach(of: $0, for: action) }
        if reaches.contains(.everyone) { return .clear }
        let unknownRoles = operatorRoles.filter { !$0.isKnown }
        guard !reaches.isEmpty else {
            if operatorRoles.isEmpty {
                return .warning(
                    "\(profile.who) holds no directory role this tenant shows (a delegated or group-based role may "
                        + "still allow it); the service decides")
            }
            if !unknownRoles.isEmpty {
                return .warning(
                    "\(profile.who) holds roles the pre-flight does not know (\(unknownRoles.map(\.displayName).joined(separator: ", "))); "
                        + "the service decides")
            }
            return .refused(
                "\(profile.who) is \(operatorRoles.map(\.withArticle).joined(separator: " and ")); "
                    + "\(action.noun) needs an Authentication Administrator or higher"
                    + ([.resetPassword, .revokeSessions, .blockSignIn].contains(action) ? " (or a Helpdesk or User Administrator)" : ""))
        }
        guard let targetRoles = target.adminRoles else {
            return .warning(
                "\(name)'s directory roles could not be read; if \(name) is an administrator the service refuses")
        }
        let allowed = reaches.reduce(into: Set<AdminRole>()) { set, reach in
            if case .limited(let roles) = reach { set.formUnion(roles) }
        }
        let beyond = targetRoles.filter { !allowed.contains($0) }
        guard let first = beyond.first else { return .clear }
        let operatorRole = operatorRoles.first { reach(of: $0, for: action) != nil } ?? operatorRoles[0]
        let refusal = PreflightVerdict.refused(
            "\(name) is \(first.withArticle); \(operatorRole.withArticle) cannot \(action.deed): "
                + "ask a Privileged Authentication Administrator")
        if !unknownRoles.isEmpty {
            return .warning(refusal.text + " (unless one of your other roles allows it; the service decides)")
        }
        return refusal
    }
}
