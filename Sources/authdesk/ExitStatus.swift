import ArgumentParser
import AuthdeskConfig
import AuthdeskCore
import AuthdeskServices

/// The exit statuses INTERFACES.md promises, and which failure maps to which.
enum ExitStatus: Int32 {
    case success = 0
    case someFailed = 1
    case badInput = 2
    case signInFailed = 3
    case refused = 4
    /// Stopped by SIGINT or SIGTERM (128 + 2, as shells report Ctrl-C).
    case interrupted = 130

    static func of(_ error: any Error) -> ExitStatus {
        switch error {
        case is AuthdeskCore.ValidationError, is ArgumentParser.ValidationError, is ConfigError, is UsageError:
            return .badInput
        case let error as ServiceError:
            switch error.kind {
            case .signIn: return .signInFailed
            case .forbidden, .readOnly: return .refused
            case .badInput: return .badInput
            default: return .someFailed
            }
        default:
            return .someFailed
        }
    }
}

/// Input the command line itself rejects, with what would be valid.
struct UsageError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
