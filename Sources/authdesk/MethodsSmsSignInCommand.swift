import ArgumentParser
import AuthdeskCore

/// `authdesk methods sms-sign-in USER --enable | --disable`: SMS sign-in on the mobile phone.
struct MethodsSmsSignInCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sms-sign-in",
        abstract: "Turn SMS sign-in on or off for the user's mobile phone; prints the phone's SMS sign-in state after."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var ticket: TicketOption
    @OptionGroup var outputOption: OutputOption
    @OptionGroup var preflight: PreflightOption

    @Argument(help: "An object id or user principal name.")
    var user: String

    @Flag(help: "Turn SMS sign-in on.")
    var enable = false

    @Flag(help: "Turn SMS sign-in off.")
    var disable = false

    func validate() throws {
        guard enable != disable else { throw ValidationError("give exactly one of --enable or --disable") }
    }

    func run() async throws {
        let text = try await ServiceSession.changing(global, ticket: ticket) { session in
            let target = try await session.provider.user(user)
            try await preflight.check(.changeMethods, on: target, with: session.provider)
            try await session.provider.setSmsSignIn(of: target.id, enabled: enable)
            let methods = try await session.provider.methods(of: target.id)
            let mobile = methods.first { $0.id == PhoneType.mobile.methodID }
                ?? .phone(PhoneMethod(id: PhoneType.mobile.methodID, phoneNumber: "", phoneType: .mobile))
            var state = enable ? "SMS sign-in enabled" : "SMS sign-in disabled"
            if case .phone(let phone) = mobile, let sms = phone.smsSignInState {
                state += " (state: \(sms.rawValue))"
            }
            return MethodChangeReport.of([(mobile, state)]).render(outputOption.output)
        }
        print(text, terminator: "")
    }
}
