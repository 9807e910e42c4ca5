import ArgumentParser
import AuthdeskJournal
import AuthdeskWorkflows

/// `authdesk journal` (`journal list`): the audit log (who, when, tenant, user, action, target, outcome, request
/// id, ticket), oldest first; secrets are never stored in it, so none can be printed.
struct JournalListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Show the audit log of changes: who, when, tenant, user, action, outcome, request id, ticket.",
        discussion: """
            --user matches the user's object id (Auth0: user id), display name or principal name (Auth0: e-mail), \
            in any letter case; --tenant the profile name the change was made in; --ticket the ticket reference, \
            in any letter case. Filters combine. Outcomes: succeeded, failed (no answer or a service failure), \
            refused (the service said no), accepted (a password reset not followed to its end).
            """
    )

    /// Accepted as by every command (--config names the configuration, whose [team] table may
    /// name the team's journal); no tenant is opened.
    @OptionGroup var tenants: TenantOptions
    @OptionGroup var outputOption: OutputOption

    @Option(name: .long, help: ArgumentHelp("Only entries at or after this time: 2026-11-26T09:00:00Z, or a date 2026-11-26 (UTC).", valueName: "ISO8601"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("Only entries for this user: id, display name or principal name.", valueName: "USER"))
    var user: String?

    @Option(name: .long, help: ArgumentHelp("Only entries made in this tenant (its profile name).", valueName: "NAME"))
    var tenant: String?

    @Option(name: .long, help: ArgumentHelp("Only entries with this ticket reference.", valueName: "REF"))
    var ticket: String?

    func run() async throws {
        let query = try JournalQuery(since: since, user: user, tenant: tenant, ticket: ticket)
        let entries = try await JournalStore.using(config: tenants.config) { try await query.entries(in: $0) }
        print(AuditEntry.report(entries).render(outputOption.output), terminator: "")
    }
}
