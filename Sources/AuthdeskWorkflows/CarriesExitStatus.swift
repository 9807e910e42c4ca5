/// A failure that knows its own exit status: modules above the workflows (the console's
/// terminal checks) report through ``ExitStatus`` without the workflows knowing them.
public protocol CarriesExitStatus: Error, CustomStringConvertible {
    var exitStatus: ExitStatus { get }
}
