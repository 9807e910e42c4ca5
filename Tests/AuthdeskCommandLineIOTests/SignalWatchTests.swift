import AuthdeskCommandLineIO
import Foundation
import Testing

/// SIGINT and SIGTERM caught while a job runs: the handler hears the signal instead of the
/// process ending, and says which one it was.
@Suite(.serialized) struct SignalWatchTests {
    @Test func aSignalCallsTheHandlerInsteadOfEndingTheProcess() async {
        let (heard, hearing) = AsyncStream<Int32>.makeStream()
        let watch = SignalWatch()
        watch.start { number in hearing.yield(number) }
        // The dispatch source is registered asynchronously after start(): a signal sent before
        // then is ignored, so the test sends until the handler hears one.
        let sender = Task {
            while !Task.isCancelled {
                kill(getpid(), SIGTERM)
                try? await Task.sleep(for: .milliseconds(10))
            }
        }
        var listening = heard.makeAsyncIterator()
        let first = await listening.next()
        sender.cancel()
        await sender.value
        watch.stop()
        #expect(first == SIGTERM)
        #expect(watch.signalCaught == SIGTERM)
    }

    @Test func noSignalNoneCaught() {
        let watch = SignalWatch()
        watch.start { _ in Issue.record("no signal was sent") }
        watch.stop()
        #expect(watch.signalCaught == nil)
    }
}
