import AuthdeskCore
import Foundation
import Testing
@testable import AuthdeskServices

/// The pre-flight's Graph reads on scripted answers: member-of lists with groups among the roles
/// and a next link, a role list the token may not read, and `/me` refused to an application.
struct GraphProviderPreflightTests {
    static let base = "http://127.0.0.1:9"

    func provider(_ loader: RoutedLoader) -> GraphProvider {
        GraphProvider(
            tenant: TenantInfo(name: "contoso", provider: .graph, id: "t-1", domain: "contoso.com"),
            endpoints: GraphEndpoints(
                authority: URL(string: Self.base)!, graph: URL(string: "\(Self.base)/v1.0")!,
                graphBeta: URL(string: "\(Self.base)/beta")!),
            tokens: StaticTokenProvider("tok"),
            transport: HTTPTransport(loader: loader, sleep: SleepRecorder().sleep, logger: LogCapture().logger()))
    }

    static let firstPage = """
        {"@odata.context":"\(base)/v1.0/$metadata#directoryObjects",
         "@odata.nextLink":"\(base)/v1.0/me/transitiveMemberOf?$skiptoken=2",
         "value":[
          {"@odata.type":"#microsoft.graph.group","id":"g-1","displayName":"Helpdesk staff"},
          {"@odata.type":"#microsoft.graph.directoryRole","id":"r-1","displayName":"Authentication Administrator",
           "roleTemplateId":"c4e39bd9-1100-46d3-8c65-fb160da0071f"}]}
        """
    static let secondPage = """
        {"value":[
          {"@odata.type":"#microsoft.graph.directoryRole","id":"r-2","displayName":null,
           "roleTemplateId":"729827E3-9C14-49F7-BB1B-9608F156BBB8"},
          {"@odata.type":"#microsoft.graph.directoryRole","id":"r-1","displayName":"Authentication Administrator",
           "roleTemplateId":"c4e39bd9-1100-46d3-8c65-fb160da0071f"}]}
        """

    @Test func theOperatorsRolesSkipGroupsFollowNextLinksAndNameKnownTemplates() async throws {
        let loader = RoutedLoader { url in
            switch url.path {
            case "/v1.0/me": (200, #"{"id":"op-1","userPrincipalName":"helpdesk@contoso.com","displayName":"Helpdesk"}"#)
            case "/v1.0/me/transitiveMemberOf": (200, url.query?.contains("skiptoken") == true ? Self.secondPage : Self.firstPage)
            default: (404, #"{"error":{"code":"Request_ResourceNotFound","message":"no"}}"#)
            }
        }
        let profile = try await provider(loader).operatorProfile()
        #expect(profile.signIn == .user(principalName: "helpdesk@contoso.com", id: "op-1"))
        #expect(profile.roles == [.authenticationAdministrator, .helpdeskAdministrator])
        #expect(profile.roles?.last?.displayName == "Helpdesk Administrator")
        #expect(loader.paths.filter { $0 == "/v1.0/me/transitiveMemberOf" }.count == 2)
    }

    @Test func anApplicationTokenIsToldApartByGraphsAnswerToMe() async throws {
        let loader = RoutedLoader { _ in
            (400, #"{"error":{"code":"BadRequest","message":"/me request is only valid with delegated authentication flow."}}"#)
        }
        #expect(try await provider(loader).operatorProfile() == .application)
    }

    @Test func rolesTheTokenMayNotReadAreUnknownNotEmpty() async throws {
        let loader = RoutedLoader { url in
            url.path.hasSuffix("/transitiveMemberOf")
                ? (403, #"{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges"}}"#)
                : (200, #"{"id":"u-9","displayName":"Søren Kjærgaard","onPremisesSyncEnabled":true}"#)
        }
        let facts = try await provider(loader).targetFacts(of: "soren@contoso.com")
        #expect(facts.adminRoles == nil)
        #expect(facts.syncedFromOnPremises == true)
        #expect(facts.userID == "u-9")
        #expect(loader.paths.contains("/v1.0/users/u-9/transitiveMemberOf"))
    }
}
