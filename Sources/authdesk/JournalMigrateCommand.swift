import ArgumentParser
import AuthdeskWorkflows

/// `authdesk journal migrate --to URL`: copies the local journal into an empty team journal.
struct JournalMigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Copy the local journal into an empty team journal (PostgreSQL).",
        discussion: """
            Copies every job (users, steps, kept methods) and the whole audit log, with its hashes and signed \
            checkpoints unchanged, from the state directory's SQLite journal into the team journal at URL, in one \
            transaction; then checks the chain there, as 'journal verify' does. A team journal that already holds \
            jobs or audit entries is refused (exit 2). The password comes from PGPASSWORD or ~/.pgpass. Exit 0 when \
            the copied chain is intact, 1 when it is not or PostgreSQL fails.
            """
    )

    @Option(name: .long, help: ArgumentHelp(
        "The team journal: postgresql://USER@HOST[:PORT]/DATABASE[?sslmode=...].", valueName: "URL"))
    var to: String

    @OptionGroup var outputOption: OutputOption

    func run() async throws {
        let migrated = try await JournalMigration.migrate(to: to)
        print(migrated.report().render(outputOption.output), terminator: "")
        if outputOption.output == .table { print(migrated.chainLines.joined(separator: "\n")) }
        if migrated.status != .success { throw ExitCode(migrated.status.rawValue) }
    }
}
