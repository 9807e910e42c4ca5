import AuthdeskCore
import AuthdeskOutput
import Foundation
import Testing
@testable import AuthdeskWorkflows

@Suite struct WhoamiReportTests {
    let application = Whoami(
        profile: "app", provider: .graph, endpoints: ["authority": "https://login.example", "graph": "https://graph.example"],
        signIn: "client-secret", who: "the application 1111", isApplication: true, directoryRoles: nil,
        rolesNote: "unknown (application sign-in)", permissions: ["User.Read.All"],
        actions: [
            ActionVerdict(command: "users search", allowed: true),
            ActionVerdict(command: "password reset", allowed: false, missing: "a signed-in operator\u{1B}[2J"),
        ])

    @Test func jsonIsTypedWithNullsAndEveryAction() throws {
        let value = try JSONSerialization.jsonObject(with: Data(WhoamiReport.render([application], .json).utf8)) as? [[String: Any]]
        let profile = try #require(value?.first)
        #expect(profile["isApplication"] as? Bool == true && profile["directoryRoles"] is NSNull)
        let actions = try #require(profile["actions"] as? [[String: Any]])
        #expect(actions.count == 2 && actions[0]["missing"] is NSNull && actions[1]["allowed"] as? Bool == false)
        #expect(WhoamiReport.render([application, application], .jsonl).split(separator: "\n").count == 2)
    }

    @Test func csvHasARowPerActionAndTheTableEscapesServiceText() {
        let csv = WhoamiReport.render([application], .csv).components(separatedBy: "\r\n")
        #expect(csv[0] == "profile,provider,signIn,who,command,allowed,missing,note")
        #expect(csv[2] == "app,graph,client-secret,the application 1111,password reset,false,a signed-in operator\\e[2J,")
        let table = WhoamiReport.render([application], .table)
        #expect(table.hasPrefix("Profile app: Microsoft Entra ID, signed in with client-secret as the application 1111\n"))
        #expect(table.contains("directory roles: unknown (application sign-in)"))
        #expect(table.contains("password reset  no       a signed-in operator\\e[2J"))
    }
}
