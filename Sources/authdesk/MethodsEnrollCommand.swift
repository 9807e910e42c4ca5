import ArgumentParser
import AuthdeskServices
import AuthdeskWorkflows

extension EnrollmentTicketRequest.Factor: ExpressibleByArgument {}

/// `authdesk methods enroll USER`: Auth0 makes an enrollment ticket, a link with which the user
/// enrols a factor by themselves; the link is printed once (and e-mailed with --send-mail).
struct MethodsEnrollCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enroll",
        abstract: "Auth0: an MFA enrollment ticket for the user; its link is printed once (whoever holds it can enrol for the user).",
        discussion: "On Microsoft Graph, issue a Temporary Access Pass instead (tap create)."
    )

    @OptionGroup var change: ChangeOptions

    @Option(help: ArgumentHelp("The factor the user must enrol: \(EnrollmentTicketRequest.factorNames) (default: any).", valueName: "FACTOR"))
    var factor: EnrollmentTicketRequest.Factor?

    @Flag(name: .customLong("send-mail"), help: "Auth0 also e-mails the link to the user.")
    var sendMail = false

    @Option(help: ArgumentHelp("With --send-mail: send the link to this address instead of the user's.", valueName: "ADDRESS"))
    var email: String?

    @Flag(name: .customLong("allow-multiple"), help: "A user who has MFA already may enrol another factor (Universal Login only).")
    var allowMultiple = false

    var request: EnrollmentTicketRequest {
        EnrollmentTicketRequest(factor: factor, sendMail: sendMail, email: email, allowMultipleEnrollments: allowMultiple)
    }

    func validate() throws {
        do throws(ServiceError) {
            try request.validate()
        } catch {
            throw ValidationError(error.message)
        }
    }

    func run() async throws {
        try await change.run { workflow in
            let (user, ticket) = try await workflow.createEnrollmentTicket(for: change.user, request)
            return Auth0ActionReport.ticket(ticket, for: user, mailed: sendMail)
        }
    }
}
