/// The directory roles the sandbox knows, with their role template ids (the `wids` claim).
enum DirectoryRole: String, Sendable, CaseIterable {
    case globalAdministrator
    case privilegedAuthenticationAdministrator
    case authenticationAdministrator
    case userAdministrator
    case helpdeskAdministrator

    var templateId: String {
        switch self {
        case .globalAdministrator: "62e90394-69f5-4237-9190-012177145e10"
        case .privilegedAuthenticationAdministrator: "7be44c8a-adaf-4e2a-84d6-ab2649e08a13"
        case .authenticationAdministrator: "c4e39bd9-1100-46d3-8c65-fb160da0071f"
        case .userAdministrator: "fe930be7-5e62-47db-91af-98c3a49a38b1"
        case .helpdeskAdministrator: "729827e3-9c14-49f7-bb1b-9608f156bbb8"
        }
    }

    /// The role's name in Graph (`directoryRole.displayName`).
    var displayName: String {
        switch self {
        case .globalAdministrator: "Global Administrator"
        case .privilegedAuthenticationAdministrator: "Privileged Authentication Administrator"
        case .authenticationAdministrator: "Authentication Administrator"
        case .userAdministrator: "User Administrator"
        case .helpdeskAdministrator: "Helpdesk Administrator"
        }
    }

    /// The role's description in Graph (`directoryRole.description`).
    var description: String {
        switch self {
        case .globalAdministrator: "Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities."
        case .privilegedAuthenticationAdministrator: "Can access to view, set and reset authentication method information for any user (admin or non-admin)."
        case .authenticationAdministrator: "Can access to view, set and reset authentication method information for any non-admin user."
        case .userAdministrator: "Can manage all aspects of users and groups, including resetting passwords for limited admins."
        case .helpdeskAdministrator: "Can reset passwords for non-administrators and Helpdesk Administrators."
        }
    }

    /// Whether holding this role may change the methods of a user holding `target` (nil: no
    /// role): everyone for the privileged roles; non-admins and other Authentication
    /// Administrators for an Authentication Administrator (Entra's role reference).
    func mayManageMethods(of target: DirectoryRole?) -> Bool {
        guard mayManageMethods else { return false }
        guard let target else { return true }
        return mayManageAdmins || (self == .authenticationAdministrator && target == .authenticationAdministrator)
    }

    /// Whether holding this role may change the authentication methods of any user, admins included.
    var mayManageAdmins: Bool {
        self == .globalAdministrator || self == .privilegedAuthenticationAdministrator
    }

    /// Whether holding this role may manage authentication methods at all.
    var mayManageMethods: Bool {
        self != .userAdministrator && self != .helpdeskAdministrator
    }
}

extension DirectoryRole {
    /// Whether holding this role may enable or disable the account of a user holding `target`
    /// (nil: no role), as Entra's "who can perform sensitive actions" table says: the privileged
    /// roles anyone; the others users without a role and their own limited set.
    func mayEnableDisable(_ target: DirectoryRole?) -> Bool {
        guard let target else { return true }
        switch self {
        case .globalAdministrator, .privilegedAuthenticationAdministrator: return true
        case .authenticationAdministrator: return target == .authenticationAdministrator
        case .userAdministrator: return target == .userAdministrator || target == .helpdeskAdministrator
        case .helpdeskAdministrator: return target == .helpdeskAdministrator
        }
    }
}
