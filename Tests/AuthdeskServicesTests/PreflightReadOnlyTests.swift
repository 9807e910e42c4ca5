import AuthdeskCore
import Testing
@testable import AuthdeskServices

/// A read-only tenant refuses every change before anything is read or sent, so a bulk plan
/// marks its users refused instead of failing them one by one at run time.
@Suite struct PreflightReadOnlyTests {
    /// A provider that records every read: the pre-flight of a read-only tenant must make none.
    final class CountingProvider: IdentityProvider, @unchecked Sendable {
        let tenant: TenantInfo
        var reads = 0
        init(readOnly: Bool) {
            tenant = TenantInfo(name: "acme", provider: .graph, id: "t", domain: "acme.example", readOnly: readOnly)
        }
        func searchUsers(_ query: String, pageSize: Int) async throws(ServiceError) -> UserPage {
            throw ServiceError(kind: .unavailable, message: "not used")
        }
        func nextUsers(_ cursor: PageCursor) async throws(ServiceError) -> UserPage {
            throw ServiceError(kind: .unavailable, message: "not used")
        }
        func user(_ idOrName: String) async throws(ServiceError) -> DirectoryUser {
            throw ServiceError(kind: .unavailable, message: "not used")
        }
        func methods(of userID: String) async throws(ServiceError) -> [AuthMethod] { [] }
        func operatorProfile() async throws(ServiceError) -> OperatorProfile {
            reads += 1
            return OperatorProfile.application
        }
        func targetFacts(of userID: String) async throws(ServiceError) -> TargetFacts {
            reads += 1
            throw ServiceError(kind: .unavailable, message: "no facts")
        }
    }

    @Test func aReadOnlyTenantRefusesEveryActionWithoutReading() async {
        let provider = CountingProvider(readOnly: true)
        let preflight = Preflight(provider: provider)
        for action in [PreflightAction.changeMethods, .resetAllMFA, .resetPassword] {
            let verdict = await preflight.check(action, userID: "u1")
            #expect(verdict.level == .refused)
            #expect(verdict.text.contains("the tenant acme is read-only"))
        }
        #expect(provider.reads == 0)
    }

    @Test func aWritableTenantIsCheckedAsUsual() async {
        let provider = CountingProvider(readOnly: false)
        let verdict = await Preflight(provider: provider).check(.changeMethods, userID: "u1")
        #expect(verdict.level == .warning)
        #expect(provider.reads == 2)
    }
}
