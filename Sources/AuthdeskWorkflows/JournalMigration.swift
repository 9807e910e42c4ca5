import AuthdeskConfig
import AuthdeskJournal
import AuthdeskTeamJournal
import Foundation

/// `journal migrate --to URL`: copies this host's SQLite journal (jobs, users, steps, kept
/// methods, audit entries with their hashes and checkpoints) into an empty team journal, then
/// checks the copied chain there. The local journal is left as it was.
public enum JournalMigration {
    /// Copies the state directory's journal to `target`, and says what was copied and whether
    /// the chain verifies in the team journal after the copy.
    public static func migrate(
        to target: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws -> JournalMigrationReport {
        let url = try TeamJournalURL(target, source: "--to")
        let directory: StateDirectory
        do {
            directory = try StateDirectory(environment: environment)
        } catch {
            throw UsageError("state directory: \(error.description)")
        }
        guard FileManager.default.fileExists(atPath: directory.journalURL.path) else {
            throw UsageError("there is no local journal to migrate: \(directory.journalURL.path) does not exist "
                + "(AUTHDESK_STATE_DIR or XDG_STATE_HOME name the state directory)")
        }
        let local = try Journal(url: directory.journalURL)
        let dump = try await local.dump()
        guard let database = try await JournalStore.openDatabase(TeamSettings(journalURL: url), environment: environment) else {
            throw UsageError("--to: no journal URL")
        }
        do {
            let counts: TeamJournalImport.Counts
            do {
                counts = try await TeamJournalImport.copy(dump, into: database, signer: local.signer)
            } catch .invalidInput(let field, let message) {
                throw UsageError("\(field): \(message)")
            }
            let team = TeamJournal(database: database, localDirectory: directory.url)
            let (verified, status) = try await JournalTrust.verify(team)
            await database.close()
            return JournalMigrationReport(
                from: directory.journalURL.path, to: url.description, counts: counts, chainLines: verified,
                chainIntact: status == .success)
        } catch {
            await database.close()
            throw error
        }
    }
}
