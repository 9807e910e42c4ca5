import ArgumentParser
import AuthdeskCommandLineIO
import AuthdeskWorkflows
import Foundation

/// `authdesk undo ENTRY_ID`: re-creates what a journal entry removed, where the service allows it.
struct UndoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Undo a journal entry: re-create the phone or e-mail method it deleted, switch SMS sign-in back, ...",
        discussion: """
            ENTRY_ID is the entry's number (the Entry column of `authdesk journal`). A deleted phone comes back \
            with its type and number, a deleted e-mail method with its address; SMS sign-in and a changed number \
            or address are put back. A FIDO2 key, the Authenticator app, Windows Hello or a password cannot be \
            re-created: the undo is refused with the reason (exit 2). Asks for confirmation unless --yes; the undo \
            is journalled as the undo of that entry, and an entry can be undone once.
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var ticket: TicketOption
    @OptionGroup var outputOption: OutputOption
    @OptionGroup var trust: TrustOptions

    @Argument(help: "The journal entry to undo (its number).")
    var entryID: Int64

    @Flag(name: .long, help: "Undo without asking.")
    var yes = false

    func run() async throws {
        let undo = try await JournalStore.using(config: global.config) { try await UndoWorkflow.plan(entryID, in: $0) }
        if !trust.dryRun, !yes {
            guard isatty(STDIN_FILENO) == 1 else {
                throw UsageError("standard input is not a terminal, so the undo cannot be confirmed; pass --yes to undo without asking")
            }
            guard Confirmation.asked(undo.question, phrase: "UNDO \(entryID)") else {
                throw UsageError("not confirmed (expected 'UNDO \(entryID)'); nothing was sent")
            }
        }
        let options = undo.options(global.workspace(ticket: ticket.ticket))
        let (user, _) = try await trust.workflow(options, force: false, output: outputOption.output) { try await undo.run($0) }
        print(CommandReport.undone(undo, user: user).render(outputOption.output), terminator: "")
    }
}
