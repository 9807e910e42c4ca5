import ArgumentParser
import AuthdeskCommandLineIO
import AuthdeskCore
import AuthdeskServices
import AuthdeskWorkflows

/// `authdesk methods add USER --type totp|webauthn-roaming`: Auth0 enrols an authenticator app
/// (secret generated and printed once with its otpauth URI, or typed on standard input) or a
/// security key, confirmed at once.
struct MethodsAddCommand: AsyncParsableCommand {
    /// The method types this command enrols (phones and e-mail have their own commands).
    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case totp
        case webauthnRoaming = "webauthn-roaming"
    }

    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Auth0: enrol an authenticator app (TOTP) or a security key (webauthn-roaming) for the user.",
        discussion: "A TOTP secret authdesk generates is printed once, with its otpauth:// URI for the user's app; "
            + "--secret-stdin reads one instead (base32), never printed back. On Microsoft Graph use methods add-phone or add-email."
    )

    @OptionGroup var change: ChangeOptions

    @Option(help: ArgumentHelp("The method: totp or webauthn-roaming.", valueName: "totp|webauthn-roaming"))
    var type: Kind

    @Option(help: ArgumentHelp("A name for the method (1 to 20 characters).", valueName: "NAME"))
    var name: String?

    @Flag(name: .customLong("secret-stdin"), help: "totp: read the base32 secret from standard input; default: authdesk generates one and prints it once.")
    var secretStdin = false

    @Option(name: .customLong("key-id"), help: ArgumentHelp("webauthn-roaming: the credential id.", valueName: "ID"))
    var keyID: String?

    @Option(name: .customLong("public-key"), help: ArgumentHelp("webauthn-roaming: the public key, base64.", valueName: "BASE64"))
    var publicKey: String?

    @Option(name: .customLong("relying-party"), help: ArgumentHelp("webauthn-roaming: the relying party identifier, a host name.", valueName: "HOST"))
    var relyingParty: String?

    func validate() throws {
        let keyOptions = [keyID, publicKey, relyingParty]
        switch type {
        case .totp:
            guard keyOptions.allSatisfy({ $0 == nil }) else {
                throw ValidationError("--key-id, --public-key and --relying-party are for --type webauthn-roaming, not totp")
            }
        case .webauthnRoaming:
            guard keyOptions.allSatisfy({ $0 != nil }) else {
                throw ValidationError("--type webauthn-roaming needs --key-id, --public-key (base64) and --relying-party (a host name)")
            }
            guard !secretStdin else { throw ValidationError("--secret-stdin is for --type totp") }
        }
    }

    func run() async throws {
        switch type {
        case .totp:
            let secret = try readSecret()
            try await change.run { workflow in
                let added = try await workflow.addTotp(to: change.user, secret: secret, name: name)
                return Auth0ActionReport.added(added.method, for: added.user, secret: added.generatedSecret, uri: added.uri)
            }
        case .webauthnRoaming:
            let request = Auth0MethodRequest.webAuthnRoaming(
                keyID: keyID ?? "", publicKey: publicKey ?? "", relyingParty: relyingParty ?? "", name: name)
            try await change.run { workflow in
                let (user, method) = try await workflow.addMethod(to: change.user, request)
                return Auth0ActionReport.added(method, for: user)
            }
        }
    }

    func readSecret() throws -> Secret? {
        guard secretStdin else { return nil }
        guard let line = SecretInput.readLine(prompt: "TOTP secret: "), !line.isEmpty else {
            throw UsageError("--secret-stdin: no secret on standard input (base32: A-Z and 2-7, at least 16); nothing was sent")
        }
        return Secret(line)
    }
}
