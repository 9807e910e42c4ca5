import ArgumentParser
import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import AuthdeskServices
import Foundation

/// `authdesk reset-mfa`: plans "reset all MFA" for many users (in one tenant or several), shows
/// the plan, asks for `RESET <count>`, runs it through the journal, and reports each user.
struct ResetMfaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-mfa",
        abstract: "Reset all MFA methods of many users: plan, confirm, run, verify (resumable with 'jobs resume').",
        discussion: """
            USER is an object id or user principal name (Graph), or a user id or e-mail (Auth0). To span \
            tenants, prefix a user with a profile name and a colon: fabrikam:ben@fabrikam.com. Users without a \
            prefix are in the first --profile (or the default profile). Every tenant named by a prefix is \
            opened from the configuration; with no configuration, the embedded sandbox's contoso and fabrikam.

            A users file holds one USER (or TENANT:USER) per line, or is a CSV with a header naming a 'user' \
            column; '#' starts a comment; blank lines are ignored.

            Policies: portal (\(ResetPolicy.portal.summary)); all (\(ResetPolicy.all.summary)). Each user's \
            steps run in order: alternate mobile before mobile, the default method last.

            Without --yes the operator must type RESET <count> on the terminal. The job and every step are \
            journalled in the state directory before and after each request; after a crash, \
            'authdesk jobs resume ID' continues it. Progress goes to standard error when it is a terminal; \
            the results (one row per user) go to standard output.

            Pre-flight: before the plan is shown, each user is checked against the operator's directory \
            role (an Authentication Administrator cannot change an administrator's methods). A user the \
            service is known to refuse is marked WILL BE REFUSED in the plan, left out of the job and the \
            RESET count, reported as refused with the reason, and nothing is sent for them.

            Exit status: 0 every user done; 1 a user failed, was not reached or could not be read; 2 bad usage \
            or not confirmed (nothing was sent); 3 sign-in failed; 4 read-only, or users refused by the \
            pre-flight (and no other failure).
            """
    )

    @OptionGroup var tenants: TenantOptions
    @OptionGroup var outputOption: OutputOption

    @Argument(help: ArgumentHelp("Users to reset: USER or TENANT:USER.", valueName: "USER"))
    var users: [String] = []

    @Option(name: .long, help: ArgumentHelp("A file of users: one per line, or a CSV with a user column.", valueName: "FILE"))
    var usersFile: String?

    @Option(name: .long, help: ArgumentHelp("portal (as the Entra portal) or all (every method but the password).", valueName: "portal|all"))
    var policy: String = "portal"

    @Flag(name: .long, help: "Show the plan and stop; nothing is sent.")
    var dryRun = false

    @Flag(name: .long, help: "Run without asking to type RESET <count> (for scripts).")
    var yes = false

    @Option(name: .long, help: ArgumentHelp("Users worked on at a time in each tenant, 1 to 20.", valueName: "N"))
    var concurrency: Int = 4

    @Option(name: .long, help: ArgumentHelp("A ticket reference for the audit log (INC-1234).", valueName: "TICKET"))
    var ticket: String?

    func validate() throws {
        guard users.isEmpty != (usersFile == nil) else {
            throw ValidationError("give the users either as arguments or with --users-file FILE, not both nor neither")
        }
        guard (1...20).contains(concurrency) else {
            throw ValidationError("--concurrency \(concurrency) is out of range; use 1 to 20 users at a time per tenant")
        }
    }

    func run() async throws {
        let policy = try ResetPolicy(parsing: policy)
        let references = try usersFile.map(UsersFile.read) ?? users.map { text throws(UsageError) in try UserReference(parsing: text) }
        var prefixes: [String] = []
        for reference in references {
            if let tenant = reference.tenant, !prefixes.contains(tenant) { prefixes.append(tenant) }
        }
        let status = try await TenantSessions.with(tenants, extra: prefixes) { sessions in
            try await reset(references, policy: policy, sessions: sessions)
        }
        guard status == .success else { throw ExitCode(status.rawValue) }
    }

    func reset(_ references: [UserReference], policy: ResetPolicy, sessions: TenantSessions) async throws -> ExitStatus {
        let output = outputOption.output
        if !dryRun {
            let readOnly = sessions.profiles.values.filter(\.readOnly).map(\.name).sorted()
            guard readOnly.isEmpty else {
                throw ServiceError(
                    kind: .readOnly,
                    message: "profile \(readOnly.joined(separator: ", ")) is read-only; only --dry-run is allowed")
            }
        }
        if !dryRun, !yes, isatty(STDIN_FILENO) != 1 {
            throw UsageError("standard input is not a terminal, so RESET <count> cannot be typed; pass --yes to run without asking")
        }
        var targets: [ResetTarget] = []
        var unreadable: [UnreadableUser] = []
        var principalNames: [String: String] = [:]
        for reference in references {
            let tenant = reference.tenant ?? sessions.defaultTenant
            guard let provider = sessions.providers[tenant] else { continue }
            do {
                let user = try await provider.user(reference.user)
                principalNames["\(tenant)/\(user.id)"] = user.principalName
                if !targets.contains(where: { $0.tenant == tenant && $0.user.id == user.id }) {
                    targets.append(ResetTarget(tenant: tenant, user: user))
                }
            } catch {
                if error.kind == .signIn { throw error }
                unreadable.append(UnreadableUser(
                    tenant: tenant, user: reference.user,
                    failure: ServiceFailure(httpStatus: error.status, code: error.code, message: error.message, requestID: error.requestID)))
            }
        }
        let planner = try BulkResetPlanner(removers: sessions.removers, perTenantLimit: concurrency)
        let preflights = sessions.providers.mapValues { Preflight(provider: $0) }
        let result = await planner.markPreflight(try await planner.plan(targets, policy: policy), preflights: preflights)
        for entry in result.unplanned {
            unreadable.append(UnreadableUser(
                tenant: entry.target.tenant, user: principalNames["\(entry.target.tenant)/\(entry.target.user.id)"] ?? entry.target.user.id,
                failure: entry.failure))
        }
        let printer = PlanPrinter(plan: result.plan, unreadable: unreadable, principalNames: principalNames)
        if dryRun {
            print(printer.render(output), terminator: "")
            return .success
        }
        if output == .table {
            print(printer.render(.table))
        } else if isatty(STDERR_FILENO) == 1 {
            FileHandle.standardError.write(Data(printer.render(.table).utf8))
        }
        guard !result.plan.users.isEmpty else {
            FileHandle.standardError.write(Data("authdesk: no user could be planned; nothing was sent\n".utf8))
            return .someFailed
        }
        let runnable = try ResetJobPlan(policy: result.plan.policy, users: result.plan.runnable)
        guard !runnable.users.isEmpty else {
            StandardError.write("authdesk: the pre-flight says the service will refuse every planned user; nothing was sent")
            return .refused
        }
        if !yes { try confirm(runnable.confirmationPhrase) }
        let journal = try StateJournal.open()
        let job: JobRecord
        do {
            job = try await journal.createJob(
                Self.naming(runnable, principalNames), operatorName: await sessions.operatorName(in: runnable.tenants.first ?? sessions.defaultTenant),
                ticket: ticket)
        } catch {
            if case .invalidInput = error { throw UsageError(error.description) }
            throw StateJournal.fail(error.description, .someFailed)
        }
        let run = BulkRun(
            journal: journal, removers: sessions.removers, concurrency: concurrency, output: output, unreadable: unreadable,
            refused: result.plan.refused)
        return try await run.run(job.id)
    }

    /// The plan with each user journalled as `Name (principal name)`, so that the audit log
    /// says who was changed in the terms operators search by (`journal --user upn`).
    static func naming(_ plan: ResetJobPlan, _ principalNames: [String: String]) -> ResetJobPlan {
        var named = plan
        named.users = plan.users.map { user in
            var copy = user
            if let name = principalNames[user.id], name.caseInsensitiveCompare(user.displayName) != .orderedSame {
                copy.displayName = "\(user.displayName) (\(name))"
            }
            return copy
        }
        return named
    }

    /// Asks the operator, on the terminal, to type the phrase; anything else stops here.
    func confirm(_ phrase: String) throws {
        FileHandle.standardError.write(Data("Type \(phrase) to run this plan (anything else cancels): ".utf8))
        let answer = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces)
        guard answer == phrase else {
            throw UsageError("not confirmed (expected '\(phrase)'); nothing was sent")
        }
    }
}
