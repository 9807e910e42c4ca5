import Dispatch
import Foundation

/// Waits for SIGINT or SIGTERM, for commands that serve until told to stop.
enum TerminationSignal {
    static func wait() async {
        let waiter = SignalWaiter()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            waiter.start(continuation)
        }
    }
}

/// Holds the signal sources and resumes the waiting task exactly once.
private final class SignalWaiter: @unchecked Sendable {
    private let lock = NSLock()
    private var sources: [any DispatchSourceSignal] = []
    private var continuation: CheckedContinuation<Void, Never>?

    func start(_ continuation: CheckedContinuation<Void, Never>) {
        lock.withLock { self.continuation = continuation }
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in fire() }
            source.resume()
            lock.withLock { sources.append(source) }
        }
    }

    private func fire() {
        let pending: CheckedContinuation<Void, Never>? = lock.withLock {
            defer { continuation = nil }
            sources.forEach { $0.cancel() }
            return continuation
        }
        pending?.resume()
    }
}
