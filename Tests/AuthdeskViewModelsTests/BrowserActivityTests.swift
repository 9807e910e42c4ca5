import AuthdeskTeamJournal
import AuthdeskViewModels
import Foundation
import Testing

/// The `:activity` screen with an injected event stream (the feed's events as the shared journal
/// would send them): events arrive live, newest first, while it is open and before; without
/// team mode it says so and how to turn it on.
struct BrowserActivityTests {
    static let at = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func eventsArriveLiveNewestFirst() async {
        let (events, sink) = AsyncStream.makeStream(of: TeamActivityEvent.self)
        let h = Harness(provider: FakeIdentityProvider(users: [Fixtures.alice]), activity: { events })
        h.model.start()
        await h.settle()
        sink.yield(TeamActivityEvent(kind: .leaseTaken, tenant: "contoso", user: "u-adele", operator: "bob@jump-2", host: "jump-2", at: Self.at))
        await h.wait { $0.activity.events.count == 1 }
        h.model.perform(.commandLine)
        h.model.type("activity")
        h.model.perform(.accept)
        #expect(h.state.activity.isShown && h.state.help.isShown)
        #expect(h.state.activity.lines == ["2026-09-21 14:13:20  lease taken  contoso  u-adele  bob@jump-2 (jump-2)"])
        sink.yield(TeamActivityEvent(kind: .job, operator: "bob@jump-2", job: "job-1", state: "running", at: Self.at + 5))
        let state = await h.wait { $0.activity.events.count == 2 }
        #expect(state.activity.lines.first == "2026-09-21 14:13:25  job job-1 is running  bob@jump-2")
        #expect(state.helpLineCount == 2)
        h.model.perform(.closeHelp)
        #expect(!h.state.activity.isShown && !h.state.help.isShown)
        sink.finish()
    }

    @Test func withoutTeamModeItSaysHowToTurnItOn() async {
        let h = Harness(provider: FakeIdentityProvider(users: [Fixtures.alice]))
        h.model.start()
        await h.settle()
        h.model.perform(.commandLine)
        h.model.type("activity")
        h.model.perform(.accept)
        #expect(h.state.activity.isShown)
        #expect(h.state.activity.lines.first?.hasPrefix("Team mode is off") == true)
        let text = h.state.activity.lines.joined(separator: " ")
        #expect(text.contains("[team] journal_url") && text.contains("AUTHDESK_JOURNAL_URL"))
    }

    @Test func atMostTheNewestTwoHundredAreKept() {
        var screen = ActivityScreen(isTeamMode: true)
        #expect(screen.lines == ["Listening to the team's journal: nothing has happened since the console started."])
        for index in 0..<250 {
            screen.append(TeamActivityEvent(kind: .job, job: "job-\(index)", state: "planned", at: Self.at))
        }
        #expect(screen.events.count == ActivityScreen.limit)
        #expect(screen.events.first?.job == "job-249" && screen.events.last?.job == "job-50")
    }
}
