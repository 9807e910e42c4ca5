import AuthdeskCore
import AuthdeskJournal
import AuthdeskJournalTesting
import AuthdeskServices
import AuthdeskWorkflows
import Testing

/// A bulk job in a tenant that requires caller verification is not journalled (so never run)
/// without it, from either front end; with it, the job keeps it.
@Suite struct BulkVerificationTests {
    @Test func aJobNeedsTheVerificationItsTenantRequires() async throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        var tenants = ResetTenants(remover: { name throws(ServiceError) in
            throw ServiceError(kind: .notFound, message: "no \(name)")
        })
        tenants.verifying = ["fabrikam"]
        let url = fixture.url
        let workflow = ResetMfaWorkflow(tenants: tenants, journal: { try Journal(url: url) })
        let plan = try JournalFixture.plan()
        await #expect(throws: UsageError.self) { try await workflow.createJob(plan, operatorName: "op", ticket: nil) }
        let verification = try CallerVerification(method: .idDocument, note: "passport")
        let job = try await workflow.createJob(plan, operatorName: "op", ticket: nil, verification: verification)
        #expect(job.verification == "id-document: passport")
        #expect(try await fixture.open().job(job.id).verification == "id-document: passport")
    }
}
