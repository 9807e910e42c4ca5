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
    /// through `directory`'s providers: each tenant's users looked up together (Graph: in
    /// batches of 20, sent at once; elsewhere several at a time), the tenants at once. A user
    /// given twice is planned once. A failed sign-in stops here (nothing is sent); any other
    /// failure leaves that user out, reported.
    public static func resolve(
        _ references: [UserReference], defaultTenant: String, in directory: any TenantDirectory
    ) async throws(ServiceError) -> ResolvedUsers {
        var keys: [String: [String]] = [:]
        for reference in references {
            keys[reference.tenant ?? defaultTenant, default: []].append(reference.user)
        }
        let found = try await lookUp(keys, in: directory)
        var resolved = ResolvedUsers()
        var planned: Set<String> = []
        for reference in references {
            let tenant = reference.tenant ?? defaultTenant
            switch found[tenant]?[reference.user] {
            case .success(let user)?:
                resolved.principalNames["\(tenant)/\(user.id)"] = user.principalName
                if planned.insert("\(tenant)/\(user.id)").inserted {
                    resolved.targets.append(ResetTarget(tenant: tenant, user: user))
                }
            case .failure(let error)?:
                resolved.unreadable.append(UnreadableUser(
                    tenant: tenant, user: reference.user,
                    failure: ServiceFailure(httpStatus: error.status, code: error.code, message: error.message, requestID: error.requestID)))
            case nil:
                resolved.unreadable.append(UnreadableUser(
                    tenant: tenant, user: reference.user, failure: ServiceFailure(httpStatus: nil, message: "This user was not looked up")))
            }
        }
        return resolved
    }

    /// Each tenant's keys looked up (its users together): the sign-ins one tenant after the
    /// other (one device-code prompt at a time, and a failed sign-in throws before any lookup is
    /// sent), then the lookups of every tenant at once (20 tenants cost one tenant's time, not
    /// 20 of them).
    static func lookUp(
        _ keys: [String: [String]], in directory: any TenantDirectory
    ) async throws(ServiceError) -> [String: [String: Result<DirectoryUser, ServiceError>]] {
        var answers: [String: [String: Result<DirectoryUser, ServiceError>]] = [:]
        var providers: [(tenant: String, list: [String], provider: any IdentityProvider)] = []
        for (tenant, list) in keys {
            do throws(ServiceError) {
                providers.append((tenant, list, try await directory.provider(for: tenant)))
            } catch {
                if error.kind == .signIn { throw error }
                answers[tenant] = Dictionary(list.map { ($0, .failure(error)) }) { first, _ in first }
            }
        }
        let found = await withTaskGroup(of: (String, [String: Result<DirectoryUser, ServiceError>]).self) { group in
            for (tenant, list, provider) in providers {
                group.addTask { (tenant, await provider.users(list)) }
            }
            var all: [String: [String: Result<DirectoryUser, ServiceError>]] = [:]
            for await (tenant, users) in group { all[tenant] = users }
            return all
        }
        for (tenant, users) in found {
            for case .failure(let error) in users.values where error.kind == .signIn { throw error }
            answers[tenant] = users
        }
        return answers
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
