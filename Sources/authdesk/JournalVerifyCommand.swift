import ArgumentParser
import AuthdeskWorkflows

/// `authdesk journal verify`: checks the audit log's hash chain and signed checkpoints.
struct JournalVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the audit log's hash chain and signed checkpoints.",
        discussion: """
            Exit 0 with the number of entries intact, or 1 naming the first entry edited, removed, inserted or \
            reordered. Prints the public key of the journal's Ed25519 signing key (audit-signing.key in the state \
            directory). Entries journalled before the chain existed are counted apart. In team mode every host \
            signs with its own key, registered in the team journal: each checkpoint is checked against the key \
            of the host that signed it, the number of signing hosts is named, and so is this host's key id.
            """
    )

    /// Accepted as by every command (--config names the configuration, whose [team] table may
    /// name the team's journal); no tenant is opened.
    @OptionGroup var tenants: TenantOptions

    func run() async throws {
        let (lines, status) = try await JournalStore.using(config: tenants.config) { try await JournalTrust.verify($0) }
        print(lines.joined(separator: "\n"))
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
