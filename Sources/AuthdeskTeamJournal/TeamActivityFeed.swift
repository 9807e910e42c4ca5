import AuthdeskConfig
import Logging
import PostgresNIO

/// What other operators do, live: LISTEN on the shared journal's `authdesk_activity` channel
/// over a connection of its own (a pooled one would be handed back and stop hearing), its
/// notifications yielded as ``TeamActivityEvent``s until ``close()``.
public final class TeamActivityFeed: Sendable {
    /// The channel the shared journal's triggers notify.
    public static let channel = "authdesk_activity"

    /// The events as they arrive (the newest 500 kept when nobody reads); it ends when the feed
    /// is closed or the connection is lost.
    public let events: AsyncStream<TeamActivityEvent>
    private let connection: PostgresConnection
    private let listening: Task<Void, Never>

    private init(connection: PostgresConnection, events: AsyncStream<TeamActivityEvent>, listening: Task<Void, Never>) {
        self.connection = connection
        self.events = events
        self.listening = listening
    }

    /// Connects to `url` (the password from PGPASSWORD or ~/.pgpass, TLS per `sslmode`) and
    /// returns once the server listens for this feed: nothing that happens after is missed.
    public static func open(_ url: TeamJournalURL, environment: [String: String]) async throws -> TeamActivityFeed {
        let connection: PostgresConnection
        do {
            let password = try TeamJournalPassword.resolve(for: url, environment: environment)?.reveal()
            let configuration = PostgresConnection.Configuration(
                host: url.host, port: url.port, username: url.user, password: password, database: url.database,
                tls: try TeamJournalTLS.forConnection(url.sslMode, environment: environment))
            connection = try await PostgresConnection.connect(configuration: configuration, id: 2, logger: TeamJournalDatabase.logger)
        } catch {
            throw TeamJournalError.describing(error, at: url)
        }
        let (events, sink) = AsyncStream.makeStream(of: TeamActivityEvent.self, bufferingPolicy: .bufferingNewest(500))
        let (ready, readySink) = AsyncStream.makeStream(of: Bool.self)
        let listening = Task {
            do {
                try await connection.listen(on: channel) { notifications in
                    readySink.yield(true)
                    for try await notification in notifications {
                        if let event = TeamActivityEvent(payload: notification.payload) { sink.yield(event) }
                    }
                }
            } catch {
                readySink.yield(false)
            }
            readySink.finish()
            sink.finish()
        }
        var started = false
        for await answer in ready {
            started = answer
            break
        }
        let feed = TeamActivityFeed(connection: connection, events: events, listening: listening)
        guard started else {
            await feed.close()
            throw TeamJournalError("cannot listen for the team's activity on \(url.host):\(url.port)/\(url.database)")
        }
        return feed
    }

    /// Stops listening and closes the connection; ``events`` ends. Waits for that at most
    /// ``TeamJournalDatabase/closeBound``: a lost server does not hold up the console's exit.
    public func close() async {
        listening.cancel()
        let (connection, listening) = (connection, listening)
        _ = await BoundedWait.answer(within: TeamJournalDatabase.closeBound) {
            try? await connection.close()
            await listening.value
        }
    }
}
