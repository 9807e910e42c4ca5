import Foundation

/// Who runs a bulk job, for the journal's "who": the local account and host, since one jump
/// host may serve several operators and the sign-in may be an application's. Shared by the
/// command line and the console.
public enum OperatorName {
    public static var current: String {
        let environment = ProcessInfo.processInfo.environment
        let user = environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? NSUserName()
        return "\(user)@\(host)"
    }

    /// This jump host's name as the team journal records it: `AUTHDESK_HOST` when set (a host
    /// known by another name, or two "hosts" on one machine in tests), else the system's name.
    public static var host: String {
        let environment = ProcessInfo.processInfo.environment
        return environment["AUTHDESK_HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? ProcessInfo.processInfo.hostName
    }
}
