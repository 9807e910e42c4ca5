import Foundation
import Hummingbird
import Logging
import NIOCore

/// An emulator of Microsoft Graph, Entra sign-in and Auth0 over real HTTP on 127.0.0.1: the
/// console's embedded default and the test bed of every provider test.
public final class Sandbox: Sendable {
    /// Where it listens and the credentials of its tenants.
    public let info: SandboxInfo
    private let store: SandboxStore
    private let task: Task<Void, any Error>

    /// Why a sandbox could not start.
    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    private init(info: SandboxInfo, store: SandboxStore, task: Task<Void, any Error>) {
        self.info = info
        self.store = store
        self.task = task
    }

    /// Seeds the tenants, binds 127.0.0.1 (`options.port`, 0 for an ephemeral port) and returns
    /// once the server accepts connections.
    public static func start(_ options: SandboxOptions) async throws -> Sandbox {
        guard (0...65535).contains(options.port) else {
            throw StartError(description: "port \(options.port) is not valid: use 0 (ephemeral) to 65535")
        }
        guard (0...1).contains(options.faultRate) else {
            throw StartError(description: "fault rate \(options.faultRate) is not valid: use a share from 0 to 1")
        }
        guard options.latencyMs >= 0, options.usersPerTenant >= 0 else {
            throw StartError(description: "latency and users per tenant must not be negative")
        }
        let tenants = try SeedLoader.entraTenants(usersPerTenant: options.usersPerTenant, seed: options.seed)
        let auth0 = try SeedLoader.auth0Tenant(usersCount: options.usersPerTenant, seed: options.seed)
        let store = SandboxStore(SandboxState(options: options, tenants: tenants, auth0: auth0))

        let (ports, continuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "authdesk.sandbox")
        logger.logLevel = .critical
        let app = Application(
            responder: SandboxResponder(store: store, latencyMs: options.latencyMs),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: options.port)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger
        )
        let task = Task { try await app.run() }
        let watcher = Task {
            _ = await task.result
            continuation.finish()
        }
        var bound: Int?
        for await port in ports {
            bound = port
            break
        }
        guard let port = bound, port > 0 else {
            watcher.cancel()
            task.cancel()
            if case .failure(let error) = await task.result {
                throw StartError(description: "the sandbox could not listen on 127.0.0.1:\(options.port): \(error)")
            }
            throw StartError(description: "the sandbox could not listen on 127.0.0.1:\(options.port)")
        }
        let base = "http://127.0.0.1:\(port)"
        store.withState { $0.baseURL = base }
        let info = store.withState { state in
            SandboxInfo(
                authority: base,
                graph: "\(base)/v1.0",
                graphBeta: "\(base)/beta",
                tenants: state.tenants.map {
                    SandboxInfo.Tenant(name: $0.name, id: $0.id, domain: $0.domain, clientId: $0.clientId,
                                       clientSecret: $0.clientSecret, operator: $0.operatorUPN)
                },
                auth0: SandboxInfo.Auth0(domain: "127.0.0.1:\(port)", baseURL: "\(base)/api/v2",
                                         tokenURL: "\(base)/oauth/token", clientId: state.auth0.clientId,
                                         clientSecret: state.auth0.clientSecret))
        }
        return Sandbox(info: info, store: store, task: task)
    }

    /// Stops listening and waits until the server has shut down.
    public func stop() async {
        task.cancel()
        _ = await task.result
    }

    /// Requests answered so far, by status.
    public func stats() -> SandboxStats {
        store.withState { $0.stats }
    }
}

extension Sandbox {
    /// Reads or changes the state directly (tests with a controlled clock).
    func withState<T>(_ body: (inout SandboxState) throws -> T) rethrows -> T {
        try store.withState(body)
    }
}
