import Dispatch
import Foundation

/// Catches SIGINT and SIGTERM: while a job runs, so that Ctrl-C stops it cleanly instead of
/// killing the process, and for `sandbox serve`, which serves until told to stop. The first
/// signal calls the handler; the signals' default actions come back on ``stop()``.
public final class SignalWatch: @unchecked Sendable {
    private let lock = NSLock()
    private var sources: [any DispatchSourceSignal] = []
    private var caught: Int32?
    private var handler: (@Sendable (Int32) -> Void)?

    public init() {}

    /// Starts catching; `handler` is called once, with the first signal's number.
    public func start(_ handler: @escaping @Sendable (Int32) -> Void) {
        lock.withLock { self.handler = handler }
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in fire(number) }
            source.resume()
            lock.withLock { sources.append(source) }
        }
    }

    /// Waits for SIGINT or SIGTERM.
    public static func wait() async {
        let watch = SignalWatch()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            watch.start { _ in continuation.resume() }
        }
        watch.stop()
    }

    /// The signal caught, if any.
    public var signalCaught: Int32? { lock.withLock { caught } }

    /// Stops catching: the signals end the process again.
    public func stop() {
        let all = lock.withLock {
            defer { sources.removeAll() }
            return sources
        }
        all.forEach { $0.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    private func fire(_ number: Int32) {
        let handler: (@Sendable (Int32) -> Void)? = lock.withLock {
            defer { if caught == nil { caught = number } }
            return caught == nil ? self.handler : nil
        }
        handler?(number)
    }
}
