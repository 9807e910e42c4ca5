import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskServices

/// The users a reset was asked for, found in their tenants: the targets to plan, the users
/// that could not be found (with the service's failure), and each target's principal name.
public struct ResolvedUsers: Sendable {
    public var targets: [ResetTarget] = []
    public var unreadable: [UnreadableUser] = []
    /// Principal names by `tenant/userID`, shown beside display names.
    public var principalNames: [String: String] = [:]

    /// Finds each of `references` (users without a tenant prefix are in `defaultTenant`),
    /// through `directory`'s providers; a user given twice is planned once. A failed sign-in
    /// stops here (nothing is sent); any other failure leaves that user out, reported.
    public static func resolve(
        _ references: [UserReference], defaultTenant: String, in directory: any TenantDirectory
    ) async throws(ServiceError) -> ResolvedUsers {
        var resolved = ResolvedUsers()
        for reference in references {
            let tenant = reference.tenant ?? defaultTenant
            do throws(ServiceError) {
                let user = try await directory.provider(for: tenant).user(reference.user)
                resolved.principalNames["\(tenant)/\(user.id)"] = user.principalName
                if !resolved.targets.contains(where: { $0.tenant == tenant && $0.user.id == user.id }) {
                    resolved.targets.append(ResetTarget(tenant: tenant, user: user))
                }
            } catch {
                if error.kind == .signIn { throw error }
                resolved.unreadable.append(UnreadableUser(
                    tenant: tenant, user: reference.user,
                    failure: ServiceFailure(httpStatus: error.status, code: error.code, message: error.message, requestID: error.requestID)))
            }
        }
        return resolved
    }

    /// The plan with each user journalled as `Name (principal name)`, so that the audit log
    /// says who was changed in the terms operators search by (`journal --user upn`).
    public func naming(_ plan: ResetJobPlan) -> ResetJobPlan {
        var named = plan
        named.users = plan.users.map { user in
            var copy = user
            if let name = principalNames[user.id], name.caseInsensitiveCompare(user.displayName) != .orderedSame {
                copy.displayName = "\(user.displayName) (\(name))"
            }
            return copy
        }
        return named
    }

    /// The users the planner left out, as the command line reports them (by principal name).
    public func unreadable(adding unplanned: [UnplannedUser]) -> [UnreadableUser] {
        unreadable + unplanned.map { entry in
            UnreadableUser(
                tenant: entry.target.tenant,
                user: principalNames["\(entry.target.tenant)/\(entry.target.user.id)"] ?? entry.target.user.id,
                failure: entry.failure)
        }
    }
}
