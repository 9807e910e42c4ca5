/// A Microsoft Entra directory role (a `directoryRole` object): its role template id, which is
/// the same in every tenant, and its display name. Used by the pre-flight to say who may change whom.
public struct AdminRole: Sendable, Hashable, Codable {
    public var templateID: String
    public var displayName: String

    public init(templateID: String, displayName: String) {
        self.templateID = templateID.lowercased()
        self.displayName = displayName
    }

    /// A role as a service reported it: the name it gave, else the known name of its template id.
    public init(templateID: String, reportedName: String?) {
        let known = Self.known.first { $0.templateID == templateID.lowercased() }
        self.init(templateID: templateID, displayName: reportedName ?? known?.displayName ?? "role \(templateID)")
    }

    public static let globalAdministrator = AdminRole(templateID: "62e90394-69f5-4237-9190-012177145e10", displayName: "Global Administrator")
    public static let privilegedAuthenticationAdministrator = AdminRole(
        templateID: "7be44c8a-adaf-4e2a-84d6-ab2649e08a13", displayName: "Privileged Authentication Administrator")
    public static let authenticationAdministrator = AdminRole(
        templateID: "c4e39bd9-1100-46d3-8c65-fb160da0071f", displayName: "Authentication Administrator")
    public static let userAdministrator = AdminRole(templateID: "fe930be7-5e62-47db-91af-98c3a49a38b1", displayName: "User Administrator")
    public static let helpdeskAdministrator = AdminRole(templateID: "729827e3-9c14-49f7-bb1b-9608f156bbb8", displayName: "Helpdesk Administrator")
    public static let passwordAdministrator = AdminRole(templateID: "966707d0-3269-4727-9be2-8c3a10f19b9d", displayName: "Password Administrator")
    public static let privilegedRoleAdministrator = AdminRole(
        templateID: "e8611ab8-c189-46e8-94e1-60213ab1f814", displayName: "Privileged Role Administrator")
    public static let groupsAdministrator = AdminRole(templateID: "fdd7a751-b60b-444a-984c-02652fe8fa1c", displayName: "Groups Administrator")
    public static let directoryReaders = AdminRole(templateID: "88d8e3e3-8f55-4a1e-953a-9b9898b8876b", displayName: "Directory Readers")
    public static let guestInviter = AdminRole(templateID: "95e79109-95c0-4d8e-aee3-d01accf2d47b", displayName: "Guest Inviter")
    public static let messageCenterReader = AdminRole(templateID: "790c1fb9-7f7d-4f88-86a1-ef1f95c05c1b", displayName: "Message Center Reader")
    public static let reportsReader = AdminRole(templateID: "4a5d8f65-41da-4de4-8968-e035b65339cf", displayName: "Reports Reader")
    public static let usageSummaryReportsReader = AdminRole(
        templateID: "75934031-6c7e-415a-99d7-48dbd49e875e", displayName: "Usage Summary Reports Reader")

    /// The roles whose rules the pre-flight knows.
    public static let known: [AdminRole] = [
        .globalAdministrator, .privilegedAuthenticationAdministrator, .authenticationAdministrator, .userAdministrator,
        .helpdeskAdministrator, .passwordAdministrator, .privilegedRoleAdministrator, .groupsAdministrator,
        .directoryReaders, .guestInviter, .messageCenterReader, .reportsReader, .usageSummaryReportsReader,
    ]

    /// Whether the pre-flight knows this role's rules.
    public var isKnown: Bool { Self.known.contains { $0.templateID == templateID } }

    /// `a Global Administrator`, `an Authentication Administrator`, `a User Administrator`
    /// (role names starting with U sound like "you").
    public var withArticle: String {
        let vowel = displayName.first.map { "AEIOaeio".contains($0) } ?? false
        return (vowel ? "an " : "a ") + displayName
    }

    public static func == (left: AdminRole, right: AdminRole) -> Bool { left.templateID == right.templateID }
    public func hash(into hasher: inout Hasher) { hasher.combine(templateID) }
}
