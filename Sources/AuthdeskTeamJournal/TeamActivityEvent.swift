import Foundation

/// One thing another operator did, as the shared journal announces it on `authdesk_activity`:
/// a lease taken or released, an audit entry appended, a job's state changed. Names and ids
/// only (the triggers never send a detail, a method or a secret).
public struct TeamActivityEvent: Sendable, Hashable, Decodable {
    /// What happened.
    public enum Kind: String, Sendable, Hashable, Decodable {
        case leaseTaken = "lease taken"
        case leaseReleased = "lease released"
        case audit
        case job
    }

    public var kind: Kind
    public var tenant: String?
    public var user: String?
    public var `operator`: String?
    public var host: String?
    public var job: String?
    /// The job's new state (`job`).
    public var state: String?
    /// The audited action and its outcome (`audit`).
    public var action: String?
    public var outcome: String?
    /// When, on the database's clock.
    public var at: Date

    public init(
        kind: Kind, tenant: String? = nil, user: String? = nil, operator: String? = nil, host: String? = nil,
        job: String? = nil, state: String? = nil, action: String? = nil, outcome: String? = nil, at: Date
    ) {
        self.kind = kind
        self.tenant = tenant
        self.user = user
        self.operator = `operator`
        self.host = host
        self.job = job
        self.state = state
        self.action = action
        self.outcome = outcome
        self.at = at
    }

    enum CodingKeys: String, CodingKey {
        case kind, tenant, user, `operator`, host, job, state, action, outcome, at
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(Kind.self, forKey: .kind)
        tenant = try container.decodeIfPresent(String.self, forKey: .tenant)
        user = try container.decodeIfPresent(String.self, forKey: .user)
        `operator` = try container.decodeIfPresent(String.self, forKey: .operator)
        host = try container.decodeIfPresent(String.self, forKey: .host)
        job = try container.decodeIfPresent(String.self, forKey: .job)
        state = try container.decodeIfPresent(String.self, forKey: .state)
        action = try container.decodeIfPresent(String.self, forKey: .action)
        outcome = try container.decodeIfPresent(String.self, forKey: .outcome)
        at = Date(timeIntervalSince1970: Double(try container.decode(Int64.self, forKey: .at)) / 1000)
    }

    /// The event a notification's payload carries; nil for one that is not ours.
    public init?(payload: String) {
        guard let event = try? JSONDecoder().decode(Self.self, from: Data(payload.utf8)) else { return nil }
        self = event
    }

    /// One line for a screen: `lease taken  contoso  u-1  alice@jump-1 (jump-1)`.
    public var line: String {
        let what: String = switch kind {
        case .leaseTaken, .leaseReleased: [kind.rawValue, tenant, user].compactMap { $0 }.joined(separator: "  ")
        case .audit: [action ?? "change", outcome, tenant, user, job.map { "job \($0)" }].compactMap { $0 }.joined(separator: "  ")
        case .job: "job \(job ?? "?") is \(state ?? "?")"
        }
        let who = [`operator`, host.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
        return who.isEmpty ? what : "\(what)  \(who)"
    }
}
