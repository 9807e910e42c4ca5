import AuthdeskTeamJournal
import Foundation

/// The console's `:activity` screen: what other operators do now (leases taken and released,
/// changes audited, jobs moving), newest first, as the shared journal announces them
/// (``TeamActivityFeed``). Kept while the console runs, shown in the help overlay. Without team
/// mode it says so, and how to turn it on.
public struct ActivityScreen: Sendable, Equatable {
    /// The most events kept.
    public static let limit = 200

    /// A shared journal is configured, so events can arrive.
    public var isTeamMode = false
    public var isShown = false
    /// Newest first.
    public private(set) var events: [TeamActivityEvent] = []

    public init(isTeamMode: Bool = false) {
        self.isTeamMode = isTeamMode
    }

    /// Keeps `event` first, dropping the oldest beyond ``limit``.
    public mutating func append(_ event: TeamActivityEvent) {
        events.insert(event, at: 0)
        if events.count > Self.limit { events.removeLast(events.count - Self.limit) }
    }

    /// The screen's lines: each event with its time (UTC), or why there are none.
    public var lines: [String] {
        guard isTeamMode else {
            return [
                "Team mode is off: this console uses the local journal, so there is no other operator's activity to show.",
                "Turn it on with [team] journal_url = \"postgresql://USER@HOST:5432/DATABASE\" in the configuration,",
                "or AUTHDESK_JOURNAL_URL (the password from PGPASSWORD or ~/.pgpass).",
            ]
        }
        guard !events.isEmpty else { return ["Listening to the team's journal: nothing has happened since the console started."] }
        return events.map { Self.time($0.at) + "  " + $0.line }
    }

    static func time(_ date: Date) -> String {
        let format = Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false)
            .timeSeparator(.colon)
        return date.formatted(format).replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "")
    }
}

extension BrowserState {
    /// `:activity`: opens the overlay on the team's recent events.
    mutating func openActivity() -> [BrowserEffect] {
        whoami = nil
        activity.isShown = true
        help.open()
        input = nil
        return []
    }

    /// An event from the shared journal: kept (and shown at once if the screen is open); a job's
    /// change also refreshes `:jobs`, a lease taken or released the users' held marks.
    mutating func activityArrived(_ event: TeamActivityEvent) -> [BrowserEffect] {
        activity.append(event)
        if HeldUsers.isLeaseEvent(event) { return [.readLeases] }
        return event.kind == .job ? [.jobsChanged] : []
    }
}
