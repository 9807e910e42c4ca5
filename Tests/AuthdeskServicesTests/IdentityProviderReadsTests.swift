import AuthdeskCore
import Synchronization
import Testing
@testable import AuthdeskServices

/// The protocol's reads of many users for a provider that does not batch: one user after
/// another, each failure that user's own, preferences read only where the provider has them.
@Suite struct IdentityProviderReadsTests {
    /// Methods from a table (users not in it are not found); preferences only when `graphLike`.
    final class TableProvider: IdentityProvider {
        let tenant: TenantInfo
        let capabilities: Set<ProviderAction>
        let table: [String: [AuthMethod]]
        private let asked = Mutex<[String]>([])

        init(graphLike: Bool, table: [String: [AuthMethod]]) {
            tenant = TenantInfo(name: "t", provider: graphLike ? .graph : .auth0, id: "t", domain: "t.example")
            capabilities = graphLike ? ProviderAction.graph : ProviderAction.auth0
            self.table = table
        }

        var reads: [String] { asked.withLock { $0 } }

        func searchUsers(_ query: String, pageSize: Int) async throws(ServiceError) -> UserPage { UserPage(users: []) }
        func nextUsers(_ cursor: PageCursor) async throws(ServiceError) -> UserPage { UserPage(users: []) }
        func user(_ idOrName: String) async throws(ServiceError) -> DirectoryUser {
            throw ServiceError(kind: .unavailable, message: "not used")
        }
        func methods(of userID: String) async throws(ServiceError) -> [AuthMethod] {
            asked.withLock { $0.append("methods \(userID)") }
            guard let methods = table[userID] else { throw ServiceError(kind: .notFound, status: 404, message: "no \(userID)") }
            return methods
        }
        func signInPreferences(of userID: String) async throws(ServiceError) -> SignInPreferences {
            asked.withLock { $0.append("preferences \(userID)") }
            return SignInPreferences(userPreferredMethodForSecondaryAuthentication: .push)
        }
    }

    static let phone = AuthMethod.phone(PhoneMethod(id: PhoneType.mobile.methodID, phoneNumber: "+1 1", phoneType: .mobile))

    @Test func eachUserIsReadInTurnAndAFailureIsThatUsersOnly() async throws {
        let provider = TableProvider(graphLike: true, table: ["a": [Self.phone], "b": []])
        #expect(provider.readBatchSize == 1)
        let read = try await provider.methodsAndPreferences(of: ["a", "gone", "b", "a"])
        #expect(provider.reads == ["methods a", "preferences a", "methods gone", "methods b", "preferences b"], "each user once")
        #expect(try read["a"]?.get() == MethodsAndPreferences(
            methods: [Self.phone], preferences: SignInPreferences(userPreferredMethodForSecondaryAuthentication: .push)))
        #expect(try read["b"]?.get().methods == [])
        guard case .failure(let error)? = read["gone"] else {
            Issue.record("an unknown user should fail alone: \(String(describing: read["gone"]))")
            return
        }
        #expect(error.status == 404)
    }

    @Test func aProviderWithoutDefaultMethodsIsNotAskedForPreferences() async throws {
        let provider = TableProvider(graphLike: false, table: ["a": [Self.phone]])
        let read = try await provider.methodsAndPreferences(of: ["a"])
        #expect(provider.reads == ["methods a"])
        #expect(try read["a"]?.get().preferences == SignInPreferences(userPreferredMethodForSecondaryAuthentication: nil))
        let lists = try await provider.methodLists(of: ["a", "gone"])
        #expect(try lists["a"]?.get() == [Self.phone])
        #expect(lists["gone"].map { if case .failure = $0 { true } else { false } } == true)
    }

    @Test func aProviderThatCannotDeactivateSaysSo() async {
        let provider = TableProvider(graphLike: false, table: [:])
        let error = await #expect(throws: ServiceError.self) { try await provider.deactivateHardwareOath("hw-1", of: "a") }
        #expect(error?.code == "notSupported")
        #expect(error?.message == "Deactivating a hardware token is not available for Auth0")
    }
}
