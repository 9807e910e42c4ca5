import AuthdeskCore

extension Workspace {
    /// Refuses, before anything is signed in or sent, a change without `verification` in a tenant
    /// among `names` whose profile sets `require_caller_verification`. A dry run sends nothing,
    /// so it needs none.
    public func requireVerification(_ verification: CallerVerification?, in names: [String], dryRun: Bool = false) throws(UsageError) {
        guard verification == nil, !dryRun else { return }
        let requiring = profiles.filter { $0.requireCallerVerification && names.contains($0.name) }.map(\.name).sorted()
        guard let first = requiring.first else { return }
        throw UsageError(
            "the profile \(first) requires caller verification (require_caller_verification = true): "
                + "pass --verified-by \(CallerVerification.Method.names) (and --verification-note TEXT if useful) "
                + "to say how the caller's identity was checked; nothing was sent")
    }

    /// Whether any of `names` requires caller verification (the console asks for it then).
    public func requiresVerification(_ names: [String]) -> Bool {
        profiles.contains { $0.requireCallerVerification && names.contains($0.name) }
    }
}
