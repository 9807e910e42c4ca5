import ArgumentParser
import AuthdeskOutput
import AuthdeskServices

/// The options of a command that reads one user: profile, `--output`, and the user.
struct UserReadOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions
    @OptionGroup var outputOption: OutputOption

    @Argument(help: "An object id or user principal name (Graph), or a user id or e-mail (Auth0).")
    var user: String

    /// Opens the default tenant and prints the report `body` makes of the user with its provider.
    func show(_ body: (any IdentityProvider, String) async throws -> Report) async throws {
        try await global.show(outputOption) { provider in try await body(provider, user) }
    }
}
