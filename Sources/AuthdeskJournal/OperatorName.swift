import Foundation

/// Who runs a bulk job, for the journal's "who": the local account and host, since one jump
/// host may serve several operators and the sign-in may be an application's. Shared by the
/// command line and the console.
public enum OperatorName {
    public static var current: String {
        let environment = ProcessInfo.processInfo.environment
        let user = environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? NSUserName()
        return "\(user)@\(ProcessInfo.processInfo.hostName)"
    }
}
