import AuthdeskConfig
import Logging
import PostgresNIO
import Synchronization

/// A team's shared journal database, open: its schema checked and migrated, and a pool of
/// connections (postgres-nio's PostgresClient, run in a task of its own) for the journal's work.
///
/// Opening connects once on its own first, so that a wrong password, a missing database or TLS
/// the server does not offer is reported at once with what PostgreSQL said (the pool would retry
/// quietly for a minute).
public final class TeamJournalDatabase: Sendable {
    public let url: TeamJournalURL
    /// The pool; queries on it are parameterized (PostgresQuery interpolation binds values).
    public let client: PostgresClient
    private let running: Task<Void, Never>
    /// One connection's settings, to ask the server again why it cannot be reached.
    private let probe: PostgresConnection.Configuration
    /// The last probe found the server unreachable: accesses ask it again first (``isLost``).
    private let lost = Mutex(false)
    static let logger = Logger(label: "authdesk.team-journal", factory: { _ in SwiftLogNoOpLogHandler() })

    private init(url: TeamJournalURL, client: PostgresClient, probe: PostgresConnection.Configuration) {
        self.url = url
        self.client = client
        self.probe = probe
        running = Task { await client.run() }
    }

    /// Connects to `url` with the password from PGPASSWORD or ~/.pgpass, brings the schema up to
    /// date, and starts the pool.
    public static func open(_ url: TeamJournalURL, environment: [String: String]) async throws -> TeamJournalDatabase {
        let password = try TeamJournalPassword.resolve(for: url, environment: environment)?.reveal()
        let probe: PostgresConnection.Configuration
        do {
            // No tlsServerName: postgres-nio sends the host as SNI unless it is an IP address
            // (SNI takes none), and NIOSSL checks the certificate against the host or the address.
            probe = PostgresConnection.Configuration(
                host: url.host, port: url.port, username: url.user, password: password, database: url.database,
                tls: try TeamJournalTLS.forConnection(url.sslMode, environment: environment))
            let connection = try await PostgresConnection.connect(configuration: probe, id: 1, logger: logger)
            do {
                try await TeamJournalSchema.migrate(connection, logger: logger)
                try await connection.close()
            } catch {
                try? await connection.close()
                throw error
            }
        } catch {
            throw TeamJournalError.describing(error, at: url)
        }
        let configuration = PostgresClient.Configuration(
            host: url.host, port: url.port, username: url.user, password: password, database: url.database,
            tls: TeamJournalTLS.forClient(url.sslMode, environment: environment))
        return TeamJournalDatabase(
            url: url, client: PostgresClient(configuration: configuration, backgroundLogger: logger), probe: probe)
    }

    /// The names of the migrations this database has had, oldest first.
    public func migrations() async throws -> [String] {
        var names: [String] = []
        do {
            for try await name in try await client.query("SELECT name FROM authdesk_migration ORDER BY version").decode(String.self) {
                names.append(name)
            }
        } catch {
            throw TeamJournalError.describing(error, at: url)
        }
        return names
    }

    /// Whether the last probe (``unreachable()``) found the server unreachable.
    var isLost: Bool { lost.withLock { $0 } }

    /// Why the server cannot be reached now, or nil if it can: one new connection, its TCP connect
    /// given ``connectBound`` and the whole (start-up and password exchange too, which a loaded
    /// server, or a debug build's SCRAM, can take seconds over) ``probeBound``; a connection that
    /// neither fails nor succeeds by then counts as unreachable. The answer is remembered for the
    /// next access (``isLost``).
    func unreachable() async -> TeamJournalError? {
        var configuration = probe
        configuration.options.connectTimeout = .seconds(Self.connectBound.components.seconds)
        let (once, url) = (configuration, url)
        let problem = await BoundedWait.answer(within: Self.probeBound) { () async -> TeamJournalError? in
            do {
                let connection = try await PostgresConnection.connect(configuration: once, id: 2, logger: Self.logger)
                try? await connection.close()
                return nil
            } catch {
                return TeamJournalError.describing(error, at: url)
            }
        } ?? TeamJournalError("cannot reach PostgreSQL at \(url): no answer to a new connection in \(Self.probeBound.components.seconds) s")
        lost.withLock { $0 = problem != nil }
        return problem
    }

    /// How long ``unreachable()``'s TCP connect may take (a refused one fails at once).
    public static let connectBound: Duration = .seconds(5)
    /// How long ``unreachable()``'s connection may take in all.
    public static let probeBound: Duration = .seconds(30)
    /// How long ``close()`` waits for the pool to stop.
    public static let closeBound: Duration = .seconds(5)

    /// Stops the pool (its connections close), waiting for it at most ``closeBound``: a process
    /// that is done never waits on a server that stopped answering.
    public func close() async {
        running.cancel()
        let running = running
        _ = await BoundedWait.answer(within: Self.closeBound) { await running.value }
    }
}
