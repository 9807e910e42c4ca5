import AuthdeskCore
import Testing

/// Entra's who-may-act-on-whom table as the pre-flight applies it: every operator role against
/// the kinds of target, for each action.
struct PreflightRuleTests {
    static let helpdesk = OperatorProfile(
        signIn: .user(principalName: "helpdesk@contoso.com", id: "op-1"), roles: [.authenticationAdministrator])

    static func operatorWith(_ roles: [AdminRole]?) -> OperatorProfile {
        OperatorProfile(signIn: .user(principalName: "op@contoso.com", id: "op-1"), roles: roles)
    }

    static func target(_ roles: [AdminRole]?, synced: Bool? = false, id: String = "u-1", name: String = "Priya Raman") -> TargetFacts {
        TargetFacts(userID: id, displayName: name, adminRoles: roles, syncedFromOnPremises: synced)
    }

    static let methodActions: [PreflightAction] = [.changeMethods, .temporaryAccessPass, .resetAllMFA]

    @Test(arguments: PreflightAction.allCases)
    func anAuthenticationAdministratorMayActOnAUserWithoutRoles(_ action: PreflightAction) {
        let verdict = PreflightRule.verdict(operator: Self.helpdesk, target: Self.target([]), action: action)
        #expect(verdict == .clear)
    }

    @Test(arguments: PreflightAction.allCases)
    func anAuthenticationAdministratorIsRefusedOnAGlobalAdministrator(_ action: PreflightAction) {
        let verdict = PreflightRule.verdict(operator: Self.helpdesk, target: Self.target([.globalAdministrator]), action: action)
        #expect(verdict.level == .refused)
        #expect(verdict.text.hasPrefix("Priya Raman is a Global Administrator; an Authentication Administrator cannot "))
        #expect(verdict.text.hasSuffix("ask a Privileged Authentication Administrator"))
    }

    @Test func theRefusalSaysWhatCannotBeDone() {
        let methods = PreflightRule.verdict(
            operator: Self.helpdesk, target: Self.target([.globalAdministrator]), action: .changeMethods)
        #expect(methods.text == "Priya Raman is a Global Administrator; an Authentication Administrator cannot change an administrator's methods: ask a Privileged Authentication Administrator")
        let password = PreflightRule.verdict(
            operator: Self.helpdesk, target: Self.target([.privilegedAuthenticationAdministrator]), action: .resetPassword)
        #expect(password.text.contains("is a Privileged Authentication Administrator; an Authentication Administrator cannot reset an administrator's password"))
    }

    @Test(arguments: [AdminRole.authenticationAdministrator, .directoryReaders, .guestInviter, .messageCenterReader,
                      .passwordAdministrator, .reportsReader, .usageSummaryReportsReader])
    func anAuthenticationAdministratorMayActOnTheLimitedRoles(_ role: AdminRole) {
        for action in PreflightAction.allCases {
            #expect(PreflightRule.verdict(operator: Self.helpdesk, target: Self.target([role]), action: action) == .clear)
        }
    }

    @Test(arguments: [AdminRole.globalAdministrator, .privilegedAuthenticationAdministrator, .userAdministrator,
                      .helpdeskAdministrator, .privilegedRoleAdministrator, .groupsAdministrator,
                      AdminRole(templateID: "11111111-2222-3333-4444-555555555555", displayName: "Exchange Administrator")])
    func anAuthenticationAdministratorIsRefusedOnOtherAdmins(_ role: AdminRole) {
        for action in Self.methodActions {
            #expect(PreflightRule.verdict(operator: Self.helpdesk, target: Self.target([role]), action: action).level == .refused)
        }
    }

    @Test func aLimitedRoleBesideAPrivilegedOneStillRefuses() {
        let verdict = PreflightRule.verdict(
            operator: Self.helpdesk, target: Self.target([.directoryReaders, .userAdministrator]), action: .changeMethods)
        #expect(verdict.level == .refused)
        #expect(verdict.text.contains("is a User Administrator"))
    }

    @Test(arguments: [AdminRole.globalAdministrator, .privilegedAuthenticationAdministrator])
    func privilegedOperatorsMayActOnEveryone(_ role: AdminRole) {
        let targets: [[AdminRole]] = [[], [.globalAdministrator], [.privilegedAuthenticationAdministrator], [.userAdministrator]]
        for roles in targets {
            for action in PreflightAction.allCases {
                #expect(PreflightRule.verdict(operator: Self.operatorWith([role]), target: Self.target(roles), action: action) == .clear)
            }
        }
    }

    @Test func helpdeskAndUserAdministratorsCannotManageMethodsButMayResetPasswordsOfNonAdmins() {
        for role in [AdminRole.helpdeskAdministrator, .userAdministrator] {
            let profile = Self.operatorWith([role])
            for action in Self.methodActions {
                let verdict = PreflightRule.verdict(operator: profile, target: Self.target([]), action: action)
                #expect(verdict.level == .refused)
                #expect(verdict.text.contains("needs an Authentication Administrator or higher"))
            }
            #expect(PreflightRule.verdict(operator: profile, target: Self.target([]), action: .resetPassword) == .clear)
            #expect(PreflightRule.verdict(operator: profile, target: Self.target([]), action: .revokeSessions) == .clear)
            #expect(PreflightRule.verdict(operator: profile, target: Self.target([.globalAdministrator]), action: .resetPassword).level == .refused)
        }
        let userAdmin = Self.operatorWith([.userAdministrator])
        #expect(PreflightRule.verdict(operator: userAdmin, target: Self.target([.helpdeskAdministrator]), action: .resetPassword) == .clear)
        let helpdeskAdmin = Self.operatorWith([.helpdeskAdministrator])
        #expect(PreflightRule.verdict(operator: helpdeskAdmin, target: Self.target([.userAdministrator]), action: .resetPassword).level == .refused)
    }

    @Test func aPasswordAdministratorMayOnlyResetPasswords() {
        let profile = Self.operatorWith([.passwordAdministrator])
        #expect(PreflightRule.verdict(operator: profile, target: Self.target([]), action: .resetPassword) == .clear)
        #expect(PreflightRule.verdict(operator: profile, target: Self.target([.helpdeskAdministrator]), action: .resetPassword).level == .refused)
        #expect(PreflightRule.verdict(operator: profile, target: Self.target([]), action: .revokeSessions).level == .refused)
        #expect(PreflightRule.verdict(operator: profile, target: Self.target([]), action: .changeMethods).level == .refused)
    }

    @Test func aSyncedUsersPasswordResetWarnsAboutWriteback() {
        let verdict = PreflightRule.verdict(
            operator: Self.helpdesk, target: Self.target([], synced: true, name: "Søren Kjærgaard"), action: .resetPassword)
        #expect(verdict.level == .warning)
        #expect(verdict.text.hasPrefix("Søren Kjærgaard is synced from on-premises; the password reset needs password writeback"))
        for action in PreflightAction.allCases where action != .resetPassword {
            #expect(PreflightRule.verdict(
                operator: Self.helpdesk, target: Self.target([], synced: true), action: action) == .clear)
        }
    }

    @Test func aSyncedAdminIsRefusedWithTheWarningKept() {
        let verdict = PreflightRule.verdict(
            operator: Self.helpdesk, target: Self.target([.globalAdministrator], synced: true), action: .resetPassword)
        #expect(verdict.level == .refused)
        #expect(verdict.reasons.count == 2)
        #expect(verdict.reasons[0].contains("cannot reset an administrator's password"))
        #expect(verdict.reasons[1].contains("password writeback"))
    }

    @Test func anApplicationCannotResetPasswordsAndOnlyWarnsOnAdmins() {
        let app = OperatorProfile.application
        let reset = PreflightRule.verdict(operator: app, target: Self.target([]), action: .resetPassword)
        #expect(reset.level == .refused)
        #expect(reset.text.contains("needs a signed-in operator"))
        #expect(PreflightRule.verdict(operator: app, target: Self.target([]), action: .changeMethods) == .clear)
        let admin = PreflightRule.verdict(operator: app, target: Self.target([.globalAdministrator]), action: .changeMethods)
        #expect(admin.level == .warning)
        #expect(admin.text.contains("your role is unknown (application sign-in)"))
    }

    @Test func noOneResetsTheirOwnPasswordThisWay() {
        let verdict = PreflightRule.verdict(
            operator: Self.helpdesk, target: Self.target([.authenticationAdministrator], id: "OP-1"), action: .resetPassword)
        #expect(verdict.level == .refused)
        #expect(verdict.text.contains("your own password"))
    }

    @Test func unknownRolesWarnAndNeverBlock() {
        let auth0 = OperatorProfile.notTold(by: "Auth0")
        for action in PreflightAction.allCases where action != .resetPassword {
            #expect(PreflightRule.verdict(operator: auth0, target: Self.target([]), action: action) == .clear)
        }
        let noRoles = Self.operatorWith([])
        #expect(PreflightRule.verdict(operator: noRoles, target: Self.target([]), action: .changeMethods).level == .warning)
        let custom = Self.operatorWith([AdminRole(templateID: "99999999-0000-0000-0000-000000000000", displayName: "Authentication Methods Writer")])
        let customVerdict = PreflightRule.verdict(operator: custom, target: Self.target([.globalAdministrator]), action: .changeMethods)
        #expect(customVerdict.level == .warning)
        #expect(customVerdict.text.contains("Authentication Methods Writer"))
        let unreadable = PreflightRule.verdict(operator: Self.helpdesk, target: Self.target(nil), action: .changeMethods)
        #expect(unreadable.level == .warning)
        #expect(unreadable.text.contains("could not be read"))
        let mixed = Self.operatorWith([.authenticationAdministrator, custom.roles?.first].compactMap { $0 })
        #expect(PreflightRule.verdict(operator: mixed, target: Self.target([.globalAdministrator]), action: .changeMethods).level == .warning)
    }

    @Test func theOperatorLineSaysWhoAndWhichRole() {
        #expect(Self.helpdesk.line == "signed in as helpdesk@contoso.com · Authentication Administrator")
        #expect(OperatorProfile.application.line == "application sign-in · role unknown (application sign-in)")
        #expect(OperatorProfile.notTold(by: "Auth0").line == "Auth0 application · role not told by Auth0")
    }

    @Test func rolesCompareByTemplateIdWhateverTheirNameOrCase() {
        let reported = AdminRole(templateID: "62E90394-69F5-4237-9190-012177145E10", reportedName: nil)
        #expect(reported == .globalAdministrator)
        #expect(reported.displayName == "Global Administrator")
        #expect(AdminRole.authenticationAdministrator.withArticle == "an Authentication Administrator")
        #expect(AdminRole.userAdministrator.withArticle == "a User Administrator")
    }
}
