import ArgumentParser
import AuthdeskAudit

/// `--ticket REF`: the ticket reference written with a change's audit entry.
struct TicketOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A ticket reference for the audit journal (INC-1234).", valueName: "REF"))
    var ticket: String?

    func validate() throws {
        if let ticket, let problem = ChangeAuditor.ticketProblem(ticket) {
            throw ValidationError("--ticket: \(problem)")
        }
    }
}
