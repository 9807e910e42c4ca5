import ArgumentParser
import AuthdeskWorkflows

/// `authdesk journal export`: the evidence of a ticket's, a job's or a period's changes.
struct JournalExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the evidence of changes: requests, request ids, verification, methods before and after.",
        discussion: """
            Give exactly one of --ticket, --job or --since. Each change comes with its operator, tenant, user, \
            time, how the caller was verified, the exact requests (secrets masked) and their request ids, the \
            user's methods before and after, the chain hashes, and the activity to look for in the service's own \
            audit log ("Admin deleted security info", ...).
            """
    )

    /// Accepted as by every command (--config names the configuration, whose [team] table may
    /// name the team's journal); no tenant is opened.
    @OptionGroup var tenants: TenantOptions

    @Option(name: .long, help: ArgumentHelp("The changes made under this ticket reference.", valueName: "REF"))
    var ticket: String?

    @Option(name: .long, help: ArgumentHelp("The changes of this bulk job.", valueName: "ID"))
    var job: String?

    @Option(name: .long, help: ArgumentHelp("The changes at or after this time (2026-11-26T09:00:00Z or 2026-11-26).", valueName: "ISO8601"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("json, csv or markdown.", valueName: "FORMAT"))
    var format = "json"

    func run() async throws {
        let format = try JournalTrust.format(self.format)
        let pack = try await JournalStore.using(config: tenants.config) {
            try await JournalTrust.evidence(ticket: ticket, job: job, since: since, in: $0)
        }
        print(pack.render(format), terminator: "")
    }
}
