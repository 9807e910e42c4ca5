import AuthdeskCommandLineIO
import Foundation
import Synchronization
import Testing

/// SIGINT and SIGTERM caught while a job runs: the handler hears the signal instead of the
/// process ending, and says which one it was.
@Suite(.serialized) struct SignalWatchTests {
    @Test func aSignalCallsTheHandlerInsteadOfEndingTheProcess() async {
        let heard = Mutex<[Int32]>([])
        let watch = SignalWatch()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            watch.start { number in
                heard.withLock { $0.append(number) }
                continuation.resume()
            }
            kill(getpid(), SIGTERM)
        }
        watch.stop()
        #expect(heard.withLock { $0 } == [SIGTERM])
        #expect(watch.signalCaught == SIGTERM)
    }

    @Test func noSignalNoneCaught() {
        let watch = SignalWatch()
        watch.start { _ in Issue.record("no signal was sent") }
        watch.stop()
        #expect(watch.signalCaught == nil)
    }
}
