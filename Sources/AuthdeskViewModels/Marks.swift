import AuthdeskBulkReset
import AuthdeskCore

/// The users an operator marked for a bulk action, across tenants: keyed by tenant name and
/// user id, keeping each ``DirectoryUser`` so a mark survives new searches and tenant switches.
///
/// Tenants and users keep the order they were first marked in.
public struct Marks: Sendable, Hashable {
    /// One marked user and the tenant (profile name) it belongs to: the target a reset job takes.
    public typealias Entry = ResetTarget

    /// A marked user's identity: tenant name and user id.
    public typealias Key = ResetTarget.Key

    private var tenantOrder: [String] = []
    private var users: [String: [DirectoryUser]] = [:]
    private var index: Set<String> = []

    public init() {}

    /// How many users are marked, in every tenant.
    public var count: Int { index.count }

    public var isEmpty: Bool { index.isEmpty }

    public func contains(tenant: String, userID: String) -> Bool {
        index.contains(Self.key(tenant, userID))
    }

    /// Marks `user` of `tenant`; false when it already was.
    @discardableResult
    public mutating func insert(tenant: String, user: DirectoryUser) -> Bool {
        guard index.insert(Self.key(tenant, user.id)).inserted else { return false }
        if users[tenant] == nil { tenantOrder.append(tenant) }
        users[tenant, default: []].append(user)
        return true
    }

    /// Unmarks the user; false when it was not marked.
    @discardableResult
    public mutating func remove(tenant: String, userID: String) -> Bool {
        guard index.remove(Self.key(tenant, userID)) != nil else { return false }
        users[tenant]?.removeAll { $0.id == userID }
        if users[tenant]?.isEmpty == true {
            users[tenant] = nil
            tenantOrder.removeAll { $0 == tenant }
        }
        return true
    }

    /// Marks the user if unmarked, unmarks it otherwise; returns whether it is marked now.
    @discardableResult
    public mutating func toggle(tenant: String, user: DirectoryUser) -> Bool {
        if remove(tenant: tenant, userID: user.id) { return false }
        insert(tenant: tenant, user: user)
        return true
    }

    public mutating func removeAll() {
        self = Marks()
    }

    /// Every marked user, tenant by tenant, in marking order.
    public var entries: [Entry] {
        tenantOrder.flatMap { tenant in (users[tenant] ?? []).map { Entry(tenant: tenant, user: $0) } }
    }

    /// The marked users per tenant, in the order the tenants were first marked.
    public var counts: [(tenant: String, count: Int)] {
        tenantOrder.map { ($0, users[$0]?.count ?? 0) }
    }

    /// `marked: contoso 3 · fabrikam 2`, or nil when nothing is marked.
    public func summary(separator: String = "·") -> String? {
        guard !isEmpty else { return nil }
        return "marked: " + counts.map { "\($0.tenant) \($0.count)" }.joined(separator: " \(separator) ")
    }

    private static func key(_ tenant: String, _ userID: String) -> String { tenant + "\u{1F}" + userID }
}
