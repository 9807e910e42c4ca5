import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import AuthdeskJournalTesting
import Foundation
import GRDB
import Testing

/// A real crash: this test binary runs itself as a child that works through a job, and the test
/// kills it with SIGKILL in the middle; then the journal is checked and the job resumed.
@Suite struct JournalCrashTests {
    typealias F = JournalFixture
    static let childVariable = "AUTHDESK_JOURNAL_CRASH_CHILD"

    static func plan(users count: Int) throws -> ResetJobPlan {
        try ResetJobPlan(policy: .portal, users: (0..<count).map { n in
            UserResetPlan(
                tenant: n % 2 == 0 ? "contoso" : "fabrikam",
                user: DirectoryUser(id: "u\(n)", displayName: "User \(n)", principalName: "u\(n)@example.com"),
                methods: [F.password, F.mobile, F.alternate, F.authenticator], policy: .portal)
        })
    }

    static func directory(users: [String]) -> FakeDirectory {
        FakeDirectory(methods: Dictionary(uniqueKeysWithValues: users.map { ($0, [F.password, F.mobile, F.alternate, F.authenticator]) }))
    }

    @Test(
        .timeLimit(.minutes(2)),
        .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/exe"), "runs itself as the child through /proc/self/exe")
    )
    func aJobKilledMidWriteResumesWithNothingTwiceAndNothingSkipped() async throws {
        if let path = ProcessInfo.processInfo.environment[Self.childVariable] {
            try await Self.child(journalAt: path)
            return
        }
        let fixture = try F()
        defer { fixture.remove() }
        let userCount = 300
        try await fixture.open().createJob(Self.plan(users: userCount), id: "crash")

        let lines = try await Self.runChildAndKill(journal: fixture.url, afterDone: 60)
        let sent = Set(lines.filter { $0.hasPrefix("SENT ") }.map { String($0.dropFirst(5)) })
        let done = Set(lines.filter { $0.hasPrefix("DONE ") }.map { String($0.dropFirst(5)) })
        #expect(done.count >= 60)

        let pool = try DatabasePool(path: fixture.url.path)
        #expect(try await pool.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
        let journal = try fixture.open()
        var stateAtReopen: [String: StepState] = [:]
        for user in try await journal.users(of: "crash") {
            for step in try await journal.steps(ofUser: user.id) {
                stateAtReopen["\(user.userID) \(step.methodID)"] = step.state
            }
        }
        #expect(stateAtReopen.count == userCount * 3)
        for key in done { #expect(stateAtReopen[key] == .done, "an answer journalled before the kill is kept: \(key)") }
        for key in sent { #expect(stateAtReopen[key] != .pending, "a request went out only after its step was journalled: \(key)") }
        for (key, state) in stateAtReopen where state == .done {
            #expect(sent.contains(key), "nothing is done that was not sent: \(key)")
        }

        // Resume, against a service on which every request the child sent took effect.
        let service = Self.directory(users: (0..<userCount).map { "u\($0)" })
        for key in sent {
            let parts = key.split(separator: " ").map(String.init)
            await service.remove(parts[1], of: parts[0])
        }
        let engine = try BulkResetEngine(
            journal: journal, removers: ["contoso": service, "fabrikam": service], perTenantLimit: 8)
        var last: BulkResetEvent?
        for await event in try await engine.run("crash") { last = event }
        guard case .finished(.finished, let counts) = last else {
            Issue.record("the resumed job did not finish: \(String(describing: last))")
            return
        }
        #expect(counts.usersDone == userCount && counts.stepsDone == userCount * 3)
        let resent = Set(await service.log.map { $0.split(separator: " ").prefix(2).joined(separator: " ") })
        #expect(resent.isDisjoint(with: done.union(stateAtReopen.filter { $0.value == .done }.keys)), "nothing twice")
        let untouched = Set(stateAtReopen.filter { $0.value != .done }.keys)
        #expect(resent == untouched, "nothing skipped: every step not done was sent on resume")
    }

    /// Runs this test in a child process on the journal and kills it with SIGKILL once it has
    /// reported `afterDone` answered steps; returns every line it wrote before it died.
    static func runChildAndKill(journal: URL, afterDone: Int) async throws -> [String] {
        let process = Process()
        let selfPath = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        process.executableURL = URL(fileURLWithPath: selfPath)
        process.arguments = ["--testing-library", "swift-testing", "--filter", "JournalCrashTests"]
        var environment = ProcessInfo.processInfo.environment
        environment[childVariable] = journal.path
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        let lines: [String] = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var buffer = Data()
                var killed = false
                while true {
                    let chunk = pipe.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    buffer.append(chunk)
                    if !killed {
                        let doneCount = String(decoding: buffer, as: UTF8.self).components(separatedBy: "\nDONE ").count - 1
                        if doneCount >= afterDone {
                            kill(pid, SIGKILL)
                            killed = true
                        }
                    }
                }
                let text = String(decoding: buffer, as: UTF8.self)
                continuation.resume(returning: text.split(separator: "\n").map(String.init))
            }
        }
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL, "the child was killed mid-job")
        return lines
    }

    /// The child's part: run the job, announcing each request before it is answered (SENT) and
    /// each answer once journalled (DONE), until killed.
    static func child(journalAt path: String) async throws {
        let journal = try Journal(url: URL(fileURLWithPath: path))
        let users = try await journal.users(of: "crash").map(\.userID)
        let service = Announcing(inner: directory(users: users))
        let engine = try BulkResetEngine(journal: journal, removers: ["contoso": service, "fabrikam": service])
        say("")
        for await event in try await engine.run("crash") {
            if case .stepFinished(_, let userID, let step) = event, step.state == .done {
                say("DONE \(userID) \(step.methodID)")
            }
        }
    }

    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// A fake service that says SENT on standard output as each request reaches it.
    struct Announcing: MethodRemover {
        let inner: FakeDirectory

        func methods(of userID: String) async throws(ServiceFailure) -> [AuthMethod] { try await inner.methods(of: userID) }

        func defaultMethodID(of userID: String, among methods: [AuthMethod]) async throws(ServiceFailure) -> String? { nil }

        func perform(_ step: PlanStep, of userID: String) async -> StepAnswer {
            JournalCrashTests.say("SENT \(userID) \(step.methodID)")
            return await inner.perform(step, of: userID)
        }
    }
}
