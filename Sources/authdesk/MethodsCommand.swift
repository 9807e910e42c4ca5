import ArgumentParser

/// `authdesk methods ...`: a user's authentication methods.
struct MethodsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "methods",
        abstract: "Read and change a user's authentication methods.",
        subcommands: [
            MethodsListCommand.self, MethodsAddPhoneCommand.self, MethodsUpdatePhoneCommand.self,
            MethodsSmsSignInCommand.self, MethodsAddEmailCommand.self, MethodsUpdateEmailCommand.self,
            MethodsDeleteCommand.self, MethodsDefaultCommand.self, MethodsQrCodeCommand.self,
            MethodsAddCommand.self, MethodsEnrollCommand.self, MethodsReplaceCommand.self, MethodsDeleteAllCommand.self,
            MethodsUpdateCommand.self, MethodsDeleteEnrollmentsCommand.self,
        ]
    )
}
