/// How an audited change ended.
public enum AuditOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    case succeeded
    case failed
}
