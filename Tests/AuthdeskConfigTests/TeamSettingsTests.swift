import AuthdeskConfig
import Foundation
import Testing

/// `[team]` and AUTHDESK_JOURNAL_URL: a shared journal URL is checked before anything connects,
/// and every refusal says what would be valid.
@Suite struct TeamSettingsTests {
    /// The configuration tests' own helpers: a config file written to a fresh folder, and the
    /// message a refusal gives.
    let files = ConfigurationTests()

    func file(_ text: String) throws -> String { try files.file(text) }

    func refusal(_ body: () throws -> Void) -> String { files.message(body) }

    @Test func readsTheTeamTable() throws {
        let path = try file("""
            [team]
            journal_url = "postgresql://authdesk@db.example.net:6543/helpdesk?sslmode=verify-full"
            approval_threshold = 25
            """)
        let team = try Configuration.load(path: path, environment: [:]).team
        #expect(team.isTeamMode)
        #expect(team.approvalThreshold == 25)
        let url = try #require(team.journalURL)
        #expect(url.user == "authdesk")
        #expect(url.host == "db.example.net")
        #expect(url.port == 6543)
        #expect(url.database == "helpdesk")
        #expect(url.sslMode == .verifyFull)
    }

    @Test func withoutTeamTheJournalStaysLocal() throws {
        let path = try file("default_profile = \"x\"\n")
        let team = try Configuration.load(path: path, environment: [:]).team
        #expect(!team.isTeamMode)
        #expect(team == TeamSettings())
    }

    @Test func theEnvironmentSetsOrOverridesTheURL() throws {
        let withoutFile = try Configuration.load(path: nil, environment: [
            "HOME": "/nonexistent", "AUTHDESK_JOURNAL_URL": "postgres://ops@10.0.0.5/authdesk",
        ])
        #expect(withoutFile.team.journalURL?.description == "postgresql://ops@10.0.0.5:5432/authdesk?sslmode=prefer")
        let path = try file("[team]\njournal_url = \"postgresql://a@file-host/db\"\n")
        let overridden = try Configuration.load(path: path, environment: ["AUTHDESK_JOURNAL_URL": "postgresql://b@env-host/db"])
        #expect(overridden.team.journalURL?.host == "env-host")
    }

    @Test(arguments: [
        ("mysql://a@h/db", "the scheme 'mysql' is not postgresql"),
        ("postgresql://a:hunter2@h/db", "holds a password; give it in PGPASSWORD or ~/.pgpass"),
        ("postgresql://h/db", "names no user"),
        ("postgresql://a@h", "names no database"),
        ("postgresql://a@h/db?sslmode=allow", "sslmode 'allow' is not one of disable, prefer, require, verify-full"),
        ("postgresql://a@h/db?connect_timeout=3", "the parameter 'connect_timeout' is not supported (only sslmode)"),
        ("postgresql://a@h:0/db", "the port 0 is not 1-65535"),
        ("not a url", "is not a URL"),
    ])
    func refusesABadURLSayingWhatIsValid(url: String, why: String) {
        let message = refusal { _ = try TeamJournalURL(url, source: "AUTHDESK_JOURNAL_URL") }
        #expect(message.hasPrefix("AUTHDESK_JOURNAL_URL: "))
        #expect(message.contains(why))
        #expect(message.contains("a journal URL is postgresql://USER@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require|verify-full]"))
        #expect(!message.contains("hunter2"))
    }

    @Test func refusesABadTeamTable() throws {
        let unknown = try file("[team]\njournal = \"postgresql://a@h/db\"\n")
        #expect(refusal { _ = try Configuration.load(path: unknown, environment: [:]) }.contains(
            "[team]: unknown key 'journal'; known keys: approval_threshold, journal_url"))
        let zero = try file("[team]\njournal_url = \"postgresql://a@h/db\"\napproval_threshold = 0\n")
        #expect(refusal { _ = try Configuration.load(path: zero, environment: [:]) }.contains(
            "approval_threshold must be a whole number of users, 1 or more"))
        let alone = try file("[team]\napproval_threshold = 10\n")
        #expect(refusal { _ = try Configuration.load(path: alone, environment: [:]) }.contains(
            "approval_threshold needs journal_url (or AUTHDESK_JOURNAL_URL)"))
        let badFileURL = try file("[team]\njournal_url = \"postgresql://a@h/db?sslmode=maybe\"\n")
        #expect(refusal { _ = try Configuration.load(path: badFileURL, environment: [:]) }.contains("[team] journal_url: sslmode 'maybe'"))
    }

    @Test func theNormalFormShowsNoSecretAndBracketsIPv6() throws {
        let url = try TeamJournalURL("postgresql://ops@[::1]:5433/authdesk?sslmode=require", source: "test")
        #expect(url.host == "::1")
        #expect(url.description == "postgresql://ops@[::1]:5433/authdesk?sslmode=require")
    }
}

/// The shared journal's password comes from PGPASSWORD or a private ~/.pgpass, as with libpq.
@Suite struct TeamJournalPasswordTests {
    let url: TeamJournalURL

    init() throws {
        url = try TeamJournalURL("postgresql://ops@db.example.net:5433/authdesk", source: "test")
    }

    func passfile(_ text: String, mode: Int = 0o600) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("authdesk-pgpass-\(UUID().uuidString)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

    @Test func pgpasswordComesFirst() throws {
        let path = try passfile("*:*:*:*:from-file\n")
        defer { remove(path) }
        let secret = try TeamJournalPassword.resolve(for: url, environment: ["PGPASSWORD": "from-env", "PGPASSFILE": path])
        #expect(secret?.reveal() == "from-env")
    }

    @Test func theFirstMatchingLineOfThePassfileWins() throws {
        let path = try passfile("""
            # comment
            other.host:5433:authdesk:ops:wrong-host
            db.example.net:5432:authdesk:ops:wrong-port
            db.example.net:5433:*:ops:pa\\:ss\\\\word
            *:*:*:*:too-late
            """)
        defer { remove(path) }
        let secret = try TeamJournalPassword.resolve(for: url, environment: ["PGPASSFILE": path])
        #expect(secret?.reveal() == "pa:ss\\word")
    }

    @Test func noMatchAndNoFileMeanNoPassword() throws {
        let path = try passfile("other:*:*:*:x\n")
        defer { remove(path) }
        #expect(try TeamJournalPassword.resolve(for: url, environment: ["PGPASSFILE": path]) == nil)
        #expect(try TeamJournalPassword.resolve(for: url, environment: ["PGPASSFILE": path + ".missing"]) == nil)
    }

    @Test func refusesAPassfileOthersCanRead() throws {
        let path = try passfile("*:*:*:*:secret-in-open-file\n", mode: 0o644)
        defer { remove(path) }
        do {
            _ = try TeamJournalPassword.resolve(for: url, environment: ["PGPASSFILE": path])
            Issue.record("an open passfile was used")
        } catch {
            #expect(error.message == "\(path) holds passwords but others can access it (mode 644); run: chmod 600 \(path)")
        }
    }
}
