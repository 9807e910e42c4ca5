/// The pre-flight's answer for one action on one user: clear, a warning to read, or a refusal
/// the service is known to give; each reason is a sentence the operator can act on.
public struct PreflightVerdict: Sendable, Hashable, Codable {
    public enum Level: String, Sendable, Hashable, Codable, Comparable {
        case clear
        case warning
        case refused

        private var rank: Int {
            switch self {
            case .clear: 0
            case .warning: 1
            case .refused: 2
            }
        }

        public static func < (left: Level, right: Level) -> Bool { left.rank < right.rank }
    }

    public var level: Level
    /// The refusals first, then the warnings.
    public var reasons: [String]

    public init(level: Level, reasons: [String]) {
        self.level = level
        self.reasons = reasons
    }

    public static let clear = PreflightVerdict(level: .clear, reasons: [])

    public static func refused(_ reason: String) -> PreflightVerdict { PreflightVerdict(level: .refused, reasons: [reason]) }
    public static func warning(_ reason: String) -> PreflightVerdict { PreflightVerdict(level: .warning, reasons: [reason]) }

    public var willBeRefused: Bool { level == .refused }

    /// The reasons as one line.
    public var text: String { reasons.joined(separator: "; also: ") }

    /// This verdict and `other`: the graver level, refusals' reasons first.
    public func adding(_ other: PreflightVerdict) -> PreflightVerdict {
        guard other.level != .clear else { return self }
        guard level != .clear else { return other }
        let ordered = other.level > level ? other.reasons + reasons : reasons + other.reasons
        return PreflightVerdict(level: max(level, other.level), reasons: ordered)
    }
}
