import ArgumentParser
import AuthdeskCore

/// `authdesk methods add-email USER ADDRESS`: the address used for self-service password reset.
struct MethodsAddEmailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-email",
        abstract: "Add the e-mail address used for self-service password reset (one per user)."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var outputOption: OutputOption

    @Argument(help: "An object id or user principal name.")
    var user: String

    @Argument(help: "name@domain.tld")
    var address: String

    func validate() throws {
        try InputCheck.emailAddress(address)
    }

    func run() async throws {
        let text = try await ServiceSession.with(global, writes: true) { session in
            let target = try await session.provider.user(user)
            let added = try await session.provider.addEmail(to: target.id, address: address)
            return MethodChangeReport.of([(.email(added), "added")]).render(outputOption.output)
        }
        print(text, terminator: "")
    }
}
