import ArgumentParser
import AuthdeskWorkflows

/// `ADDRESS`, the address checked before anything starts: shared by the e-mail commands.
struct EmailArguments: ParsableArguments {
    @Argument(help: "name@domain.tld")
    var address: String

    func validate() throws {
        try InputCheck.emailAddress(address)
    }
}
