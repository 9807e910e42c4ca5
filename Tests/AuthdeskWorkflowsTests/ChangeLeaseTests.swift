import AuthdeskConfig
import AuthdeskCore
import AuthdeskJournal
import AuthdeskPostgresTesting
import AuthdeskServices
import AuthdeskTeamJournal
import AuthdeskWorkflows
import Foundation
import Testing

/// A single change holds its user's lease: in team mode (the workspace on a real PostgreSQL) a
/// user another host holds refuses the change with who, where, since when and which ticket,
/// exit 4, and nothing is sent (no audit entry, the user's sessions untouched); a free user is
/// changed, and the lease is given up after. Without team mode the leases are the state folder's.
@Suite(.serialized, .timeLimit(.minutes(5))) struct ChangeLeaseTests {
    let otherHost = UserLease.Holder(token: "token-b", operatorName: "bob@jump-2", host: "jump-2", pid: 5202, ticket: "INC-9")

    func withTeamWorkspace(_ body: (WorkspaceOptions, TeamLeases, WorkflowHarness) async throws -> Void) async throws {
        try await TwoTeamHosts.withCluster { cluster in
            let harness = try WorkflowHarness()
            defer { harness.remove() }
            var options = harness.options(audit: true)
            options.environment["AUTHDESK_JOURNAL_URL"] = cluster.url()
            options.environment["PGPASSWORD"] = cluster.password
            let url = try TeamJournalURL(cluster.url(), source: "test")
            let database = try await TeamJournalDatabase.open(url, environment: ["PGPASSWORD": cluster.password])
            do {
                try await body(options, TeamLeases(database: database), harness)
            } catch {
                await database.close()
                throw error
            }
            await database.close()
        }
    }

    @Test func aUserAnotherHostHoldsIsRefusedAndNothingIsSent() async throws {
        try await withTeamWorkspace { options, other, harness in
            let cameron = try await Workspace.with(options) { workspace in
                #expect(workspace.team.isTeamMode && workspace.sharesLeases)
                return try await workspace.provider(for: "contoso").user("CameronW@contoso.com")
            }
            let key = UserLease.Key(tenant: "contoso", userID: cameron.id)
            guard case .granted = try await other.acquire(key, as: otherHost, for: .seconds(60)) else {
                Issue.record("the other host could not take Cameron")
                return
            }
            do {
                _ = try await ChangeWorkflow.run(options, report: { _ in }) { workflow in
                    try await workflow.revokeSessions(of: "CameronW@contoso.com")
                }
                Issue.record("a change to a user another host holds was sent")
            } catch let error as ServiceError {
                #expect(error.kind == .forbidden && error.code == UserLease.refusalCode)
                #expect(error.message.hasPrefix(
                    "Cameron White (CameronW@contoso.com) is being changed by bob@jump-2 on jump-2 (process 5202) since "))
                #expect(error.message.hasSuffix(" UTC, ticket INC-9; nothing was sent"))
                #expect(ExitStatus.of(error) == .refused)
                #expect(ExitStatus.message(for: error) == error.description, "no role hint: the role is not the reason")
            }
            let entries = try await JournalStore.open(config: options.config, environment: options.environment).audit(since: nil, tenant: nil, ticket: nil)
            #expect(entries.isEmpty, "nothing sent, nothing journalled")

            // Let go, the same change goes through, and the lease is given up after it.
            try await other.release(key, as: otherHost)
            _ = try await ChangeWorkflow.run(options, report: { _ in }) { workflow in
                try await workflow.revokeSessions(of: "CameronW@contoso.com")
            }
            #expect(try await other.active().isEmpty)
            let after = try await JournalStore.open(config: options.config, environment: options.environment).audit(since: nil, tenant: nil, ticket: nil)
            #expect(after.count == 1 && after[0].userID == cameron.id)
        }
    }

    @Test func whileAChangeIsSentTheUserIsLeasedToThisProcessWithTheTicket() async throws {
        try await withTeamWorkspace { options, other, _ in
            try await ChangeWorkflow.run(options, report: { _ in }) { workflow in
                let target = try await workflow.user("CameronW@contoso.com")
                let key = UserLease.Key(tenant: "contoso", userID: target.id)
                try await workflow.holding(target) {
                    let lease = try #require(try await other.lease(on: key))
                    #expect(lease.holder.ticket == "INC-42" && lease.holder.host == OperatorName.host)
                    #expect(lease.holder.pid == ProcessInfo.processInfo.processIdentifier)
                    #expect(lease.expiresAt.timeIntervalSince(lease.since) == 30)
                }
                #expect(try await other.lease(on: key) == nil)
            }
        }
    }

    @Test func withoutATeamTwoProcessesOnOneHostKeepApartThroughTheStateFolder() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        let options = harness.options(audit: true)
        let cameron = try await Workspace.with(options) { workspace in
            #expect(!workspace.sharesLeases)
            return try await workspace.provider(for: "contoso").user("CameronW@contoso.com")
        }
        let leases = try LocalLeases(url: harness.root.appendingPathComponent("state/leases.sqlite"))
        let key = UserLease.Key(tenant: "contoso", userID: cameron.id)
        guard case .granted = try await leases.acquire(key, as: otherHost, for: .seconds(60)) else {
            Issue.record("another process could not take Cameron")
            return
        }
        await #expect(throws: ServiceError.self) {
            _ = try await ChangeWorkflow.run(options, report: { _ in }) { try await $0.revokeSessions(of: "CameronW@contoso.com") }
        }
        try await leases.release(key, as: otherHost)
        _ = try await ChangeWorkflow.run(options, report: { _ in }) { try await $0.revokeSessions(of: "CameronW@contoso.com") }
    }
}
