import AuthdeskConfig
import AuthdeskCore
import Foundation
import Testing

/// `graph_write_budget` on a Graph profile, and `AUTHDESK_GRAPH_WRITE_BUDGET` for the
/// environment's profile: the tenant's write budget a bulk run paces by; bad values refused
/// saying what is valid.
@Suite struct GraphWriteBudgetConfigTests {
    func load(_ lines: String, provider: String = "graph") throws -> Configuration {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("authdesk-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("config.toml").path
        let place = provider == "graph" ? #"tenant_id = "contoso.com""# : #"domain = "acme.eu.auth0.com""#
        try """
            [profiles.contoso]
            provider = "\(provider)"
            \(place)
            client_id = "c"
            client_secret_env = "SECRET"
            \(lines)
            """.write(toFile: path, atomically: true, encoding: .utf8)
        return try Configuration.load(path: path, environment: ["SECRET": "s"])
    }

    static let environment = [
        "XDG_CONFIG_HOME": "/nonexistent-authdesk", "AZURE_TENANT_ID": "t", "AZURE_CLIENT_ID": "c", "AZURE_CLIENT_SECRET": "s",
    ]

    @Test func aProfileStatesItsBudgetOrLeavesGraphsDocumentedOne() throws {
        #expect(try load("graph_write_budget = 12000").profile(named: "contoso").graphWriteBudget == 12000)
        #expect(try load("").profile(named: "contoso").graphWriteBudget == nil)
    }

    @Test(arguments: ["graph_write_budget = 0", "graph_write_budget = \"lots\"", "graph_write_budget = 2000000"])
    func aBadBudgetIsRefusedSayingWhatIsValid(line: String) {
        let error = #expect(throws: ConfigError.self) { try load(line) }
        #expect(error?.message.contains("from 1 to 1000000") == true, "\(error?.message ?? "")")
    }

    @Test func anAuth0ProfileHasNoGraphBudget() {
        let error = #expect(throws: ConfigError.self) { try load("graph_write_budget = 300", provider: "auth0") }
        #expect(error?.message.contains("for graph profiles") == true)
    }

    @Test func theEnvironmentsProfileTakesItFromAnEnvironmentVariable() throws {
        var environment = Self.environment
        environment["AUTHDESK_GRAPH_WRITE_BUDGET"] = "300"
        #expect(try Configuration.load(path: nil, environment: environment).profile(named: nil).graphWriteBudget == 300)
        #expect(try Configuration.load(path: nil, environment: Self.environment).profile(named: nil).graphWriteBudget == nil)
        environment["AUTHDESK_GRAPH_WRITE_BUDGET"] = "3k"
        let error = #expect(throws: ConfigError.self) { try Configuration.load(path: nil, environment: environment) }
        #expect(error?.message.contains("AUTHDESK_GRAPH_WRITE_BUDGET") == true)
    }
}
