import AuthdeskServices

/// The requests a dialog's change would send, shown before its confirm button: being built (the
/// provider's real code runs with its writes recorded, not sent), built, or why not.
public enum RequestsPreview: Sendable, Equatable {
    case building
    case built([PlannedRequest])
    case failed(String)

    /// The dialog's lines: a heading, then one line per request (method, URL, masked body).
    public var lines: [String] {
        switch self {
        case .building: ["Requests: building…"]
        case .failed(let reason): ["Requests: could not be built: \(reason)"]
        case .built(let requests) where requests.isEmpty: ["Requests: none would be sent"]
        case .built(let requests):
            ["Requests it would send (nothing sent yet):"] + requests.enumerated().map { "\($0.offset + 1). \($0.element.line)" }
        }
    }
}
