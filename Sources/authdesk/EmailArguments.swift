import ArgumentParser

/// `USER ADDRESS`, the address checked before anything starts: shared by the e-mail commands.
struct EmailArguments: ParsableArguments {
    @Argument(help: "An object id or user principal name.")
    var user: String

    @Argument(help: "name@domain.tld")
    var address: String

    func validate() throws {
        try InputCheck.emailAddress(address)
    }
}
