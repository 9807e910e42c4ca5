import AuthdeskConfig
import AuthdeskCore
import Foundation
import Testing

/// `require_caller_verification` on a profile, and `--verified-by` as the command line parses it.
@Suite struct CallerVerificationConfigTests {
    func load(_ profileLine: String) throws -> Configuration {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("authdesk-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("config.toml").path
        try """
            [profiles.contoso]
            tenant_id = "contoso.com"
            client_id = "c"
            \(profileLine)
            [profiles.fabrikam]
            tenant_id = "fabrikam.com"
            client_id = "f"
            """.write(toFile: path, atomically: true, encoding: .utf8)
        return try Configuration.load(path: path, environment: [:])
    }

    @Test func aProfileRequiresVerificationOnlyWhenItSaysSo() throws {
        let config = try load("require_caller_verification = true")
        let contoso = try config.profile(named: "contoso")
        #expect(contoso.requireCallerVerification && contoso.tenant.requiresCallerVerification == true)
        let fabrikam = try config.profile(named: "fabrikam")
        #expect(!fabrikam.requireCallerVerification && fabrikam.tenant.requiresCallerVerification == nil)
    }

    @Test func aValueThatIsNotABooleanIsRefused() {
        #expect(throws: ConfigError.self) { try load("require_caller_verification = \"yes\"") }
    }

    @Test func verifiedByTakesTheFiveWaysAndAOneLineNote() throws {
        let verification = try CallerVerification(parsing: "In-Person", note: "  badge checked ")
        #expect(verification.method == .inPerson && verification.text == "in-person: badge checked")
        #expect(try CallerVerification(parsing: "ticket-system", note: "").note == nil)
        #expect(CallerVerification.Method.names == "callback|manager|in-person|id-document|ticket-system")
        let unknown = #expect(throws: ValidationError.self) { try CallerVerification(parsing: "trust-me") }
        #expect(unknown?.message.contains(CallerVerification.Method.names) == true)
        #expect(throws: ValidationError.self) { try CallerVerification(method: .callback, note: "two\nlines") }
    }
}
