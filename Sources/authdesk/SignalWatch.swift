import Dispatch
import Foundation

/// Catches SIGINT and SIGTERM while a job runs, so that Ctrl-C stops it cleanly instead of
/// killing the process: the first signal calls the handler; the signals' default actions come
/// back on ``stop()``.
final class SignalWatch: @unchecked Sendable {
    private let lock = NSLock()
    private var sources: [any DispatchSourceSignal] = []
    private var caught: Int32?
    private let handler: @Sendable (Int32) -> Void

    private init(_ handler: @escaping @Sendable (Int32) -> Void) {
        self.handler = handler
    }

    /// Starts catching; `handler` is called once, with the first signal's number.
    static func start(_ handler: @escaping @Sendable (Int32) -> Void) -> SignalWatch {
        let watch = SignalWatch(handler)
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [watch] in watch.fire(number) }
            source.resume()
            watch.lock.withLock { watch.sources.append(source) }
        }
        return watch
    }

    /// The signal caught, if any.
    var signalCaught: Int32? { lock.withLock { caught } }

    /// Stops catching: the signals end the process again.
    func stop() {
        let all = lock.withLock {
            defer { sources.removeAll() }
            return sources
        }
        all.forEach { $0.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    private func fire(_ number: Int32) {
        let first = lock.withLock {
            defer { if caught == nil { caught = number } }
            return caught == nil
        }
        if first { handler(number) }
    }
}
