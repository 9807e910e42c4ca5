import ArgumentParser

/// `authdesk sandbox ...`: the embedded emulator of Graph, Entra sign-in and Auth0.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run the emulator of Graph, Entra sign-in and Auth0 on 127.0.0.1.",
        subcommands: [SandboxServeCommand.self]
    )
}
