import AuthdeskCore
import AuthdeskJournal
import Foundation
import PostgresNIO

/// A plan's users, steps and kept methods as column arrays, inserted with `unnest` in three
/// statements whatever the job's size (a 5,000-user job is not 20,000 round trips).
struct TeamJobRows: Sendable {
    var positions: [Int] = []
    var tenants: [String] = []
    var userIDs: [String] = []
    var names: [String] = []
    /// Each step's and kept method's user, by the user's position in the job.
    var stepUsers: [Int] = []
    var stepPositions: [Int] = []
    var stepMethods: [String] = []
    var stepKinds: [String] = []
    var stepActions: [String] = []
    var stepTitles: [String] = []
    var stepDefaults: [Bool] = []
    var keptUsers: [Int] = []
    var keptPositions: [Int] = []
    var keptMethods: [String] = []
    var keptKinds: [String] = []
    var keptTitles: [String] = []
    var keptReasons: [String] = []

    init(_ plan: ResetJobPlan) {
        for (position, user) in plan.users.enumerated() {
            positions.append(position)
            tenants.append(user.tenant)
            userIDs.append(user.userID)
            names.append(user.displayName)
            for (index, step) in user.plan.steps.enumerated() {
                stepUsers.append(position)
                stepPositions.append(index)
                stepMethods.append(step.methodID)
                stepKinds.append(step.kind.rawValue)
                stepActions.append(step.action.rawValue)
                stepTitles.append(step.title)
                stepDefaults.append(step.isDefault)
            }
            for (index, kept) in user.plan.kept.enumerated() {
                keptUsers.append(position)
                keptPositions.append(index)
                keptMethods.append(kept.methodID)
                keptKinds.append(kept.kind.rawValue)
                keptTitles.append(kept.title)
                keptReasons.append(kept.reason.rawValue)
            }
        }
    }

    /// Inserts the rows of job `id`, every user `waiting` and every step `pending`, in the caller's transaction.
    func insert(for id: JobID, at date: Date, on connection: PostgresConnection) async throws {
        let logger = TeamJournalDatabase.logger
        try await connection.query(
            """
            INSERT INTO job_user (job_id, position, tenant, user_id, display_name, state, updated_at)
            SELECT \(id.rawValue), u.position, u.tenant, u.user_id, u.display_name, 'waiting', \(date)
            FROM unnest(\(positions)::bigint[], \(tenants)::text[], \(userIDs)::text[], \(names)::text[])
                AS u(position, tenant, user_id, display_name)
            """, logger: logger)
        try await connection.query(
            """
            INSERT INTO job_step (job_user_id, position, method_id, kind, action, title, is_default, state)
            SELECT job_user.id, s.position, s.method_id, s.kind, s.action, s.title, s.is_default, 'pending'
            FROM unnest(\(stepUsers)::bigint[], \(stepPositions)::bigint[], \(stepMethods)::text[], \(stepKinds)::text[],
                \(stepActions)::text[], \(stepTitles)::text[], \(stepDefaults)::boolean[])
                AS s(user_position, position, method_id, kind, action, title, is_default)
            JOIN job_user ON job_user.job_id = \(id.rawValue) AND job_user.position = s.user_position
            """, logger: logger)
        try await connection.query(
            """
            INSERT INTO kept_method (job_user_id, position, method_id, kind, title, reason)
            SELECT job_user.id, k.position, k.method_id, k.kind, k.title, k.reason
            FROM unnest(\(keptUsers)::bigint[], \(keptPositions)::bigint[], \(keptMethods)::text[], \(keptKinds)::text[],
                \(keptTitles)::text[], \(keptReasons)::text[])
                AS k(user_position, position, method_id, kind, title, reason)
            JOIN job_user ON job_user.job_id = \(id.rawValue) AND job_user.position = k.user_position
            """, logger: logger)
    }
}
