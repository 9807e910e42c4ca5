import AuthdeskCore
import AuthdeskServices
import Foundation

/// An identity provider whose writes succeed with a status given by the test (200 where the
/// sandbox answers 204), so that a step's answer is seen to carry what the service said.
struct AnsweringProvider: IdentityProvider {
    let tenant = TenantInfo(name: "contoso", provider: .graph, id: "tid", domain: "contoso.com")
    let status: Int

    func searchUsers(_ query: String, pageSize: Int) async throws(ServiceError) -> UserPage { UserPage(users: []) }

    func nextUsers(_ cursor: PageCursor) async throws(ServiceError) -> UserPage { UserPage(users: []) }

    func user(_ idOrName: String) async throws(ServiceError) -> DirectoryUser {
        DirectoryUser(id: idOrName, displayName: "Name \(idOrName)", principalName: "\(idOrName)@example.com")
    }

    func methods(of userID: String) async throws(ServiceError) -> [AuthMethod] { [] }

    func deleteMethod(_ method: AuthMethod, of userID: String) async throws(ServiceError) -> WriteReceipt {
        answer("delete-\(method.id)")
    }

    func deactivateHardwareOath(_ methodID: String, of userID: String) async throws(ServiceError) -> WriteReceipt {
        answer("deactivate-\(methodID)")
    }

    func setDefaultMethod(of userID: String, to method: DefaultMethod) async throws(ServiceError) -> WriteReceipt {
        answer("default-\(method.rawValue)")
    }

    /// A success with the test's status, quoting `requestID`.
    private func answer(_ requestID: String) -> WriteReceipt {
        WriteReceipt(HTTPResponse(status: status, headers: ["request-id": requestID], body: Data(), clientRequestID: "sent"))
    }
}
