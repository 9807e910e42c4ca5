import AuthdeskWorkflows

extension ConsoleError: CarriesExitStatus {
    /// The console cannot start on this terminal: bad usage, nothing was sent (exit 2).
    public var exitStatus: ExitStatus { .badInput }
}
