import Foundation
import Synchronization
import Testing
@testable import AuthdeskServices

@Suite struct DeviceCodeCredentialTests {
    let signIn = EntraSignIn(authority: URL(string: "http://127.0.0.1:9")!, tenantID: "contoso.com", clientID: "app-1")

    static let start = ScriptedLoader.json(200, #"{"device_code":"DAQABAAEAAAD","user_code":"FGH7QK2LM","verification_uri":"https://microsoft.com/devicelogin","expires_in":900,"interval":5,"message":"To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code FGH7QK2LM to authenticate."}"#)

    static func oauth(_ error: String, code: Int) -> ScriptedLoader.Step {
        ScriptedLoader.json(400, #"{"error":"\#(error)","error_description":"AADSTS\#(code): \#(error).","error_codes":[\#(code)]}"#)
    }

    static let pending = oauth("authorization_pending", code: 70016)
    static let token = ScriptedLoader.json(200, #"{"token_type":"Bearer","expires_in":3600,"access_token":"op-token","refresh_token":"refresh-1","scope":"https://graph.microsoft.com/.default offline_access"}"#)

    final class Prompts: Sendable {
        let shown = Mutex<[DeviceCodePrompt]>([])
        var prompt: DeviceCodeCredential.Prompt { { p in self.shown.withLock { $0.append(p) } } }
    }

    func credential(_ loader: ScriptedLoader, _ sleeper: SleepRecorder, _ prompts: Prompts, clock: ManualClock = ManualClock()) -> DeviceCodeCredential {
        DeviceCodeCredential(
            signIn: signIn,
            transport: HTTPTransport(loader: loader, sleep: SleepRecorder().sleep, logger: LogCapture().logger()),
            prompt: prompts.prompt, sleep: sleeper.sleep, now: clock.now)
    }

    func fields(_ body: String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: body.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? "" }
            return (parts[0], parts.count > 1 ? parts[1] : "")
        })
    }

    @Test func showsTheMessageAndPollsAtTheIntervalSlowingDownWhenAsked() async throws {
        let loader = ScriptedLoader([Self.start, Self.pending, Self.oauth("slow_down", code: 70000), Self.pending, Self.token])
        let sleeper = SleepRecorder()
        let prompts = Prompts()
        let token = try await credential(loader, sleeper, prompts).token()
        #expect(token.value == "op-token")
        #expect(prompts.shown.withLock { $0.map(\.userCode) } == ["FGH7QK2LM"])
        #expect(prompts.shown.withLock { $0.first?.message.contains("enter the code FGH7QK2LM") } == true)
        #expect(sleeper.recorded == [.seconds(5), .seconds(5), .seconds(10), .seconds(10)])
        let sent = loader.sent
        #expect(sent[0].url.path == "/contoso.com/oauth2/v2.0/devicecode")
        #expect(fields(sent[0].body)["scope"] == "https://graph.microsoft.com/.default offline_access")
        #expect(sent[1].url.path == "/contoso.com/oauth2/v2.0/token")
        #expect(fields(sent[1].body) == [
            "grant_type": "urn:ietf:params:oauth:grant-type:device_code", "client_id": "app-1", "device_code": "DAQABAAEAAAD",
        ])
    }

    @Test func pollsAtAnIntervalShorterThanASecondWhenTheServiceGivesOne() async throws {
        let start = ScriptedLoader.json(200, #"{"device_code":"D","user_code":"U","verification_uri":"https://microsoft.com/devicelogin","expires_in":900,"interval":0.05}"#)
        let loader = ScriptedLoader([start, Self.pending, Self.token])
        let sleeper = SleepRecorder()
        #expect(try await credential(loader, sleeper, Prompts()).token().value == "op-token")
        #expect(sleeper.recorded == [.seconds(0.05), .seconds(0.05)])
    }

    @Test func aZeroIntervalStillWaitsBetweenPolls() async throws {
        let start = ScriptedLoader.json(200, #"{"device_code":"D","user_code":"U","verification_uri":"https://microsoft.com/devicelogin","expires_in":900,"interval":0}"#)
        let loader = ScriptedLoader([start, Self.pending, Self.token])
        let sleeper = SleepRecorder()
        _ = try await credential(loader, sleeper, Prompts()).token()
        #expect(sleeper.recorded == [.seconds(0.01), .seconds(0.01)])
    }

    @Test func declinedSignInFails() async {
        let loader = ScriptedLoader([Self.start, Self.oauth("authorization_declined", code: 70000)])
        let error = await #expect(throws: ServiceError.self) {
            try await credential(loader, SleepRecorder(), Prompts()).token()
        }
        #expect(error?.kind == .signIn)
        #expect(error?.code == "AADSTS70000")
        #expect(error?.message.contains("declined") == true)
    }

    @Test func expiredCodeFails() async {
        let loader = ScriptedLoader([Self.start, Self.pending, Self.oauth("expired_token", code: 70020)])
        let error = await #expect(throws: ServiceError.self) {
            try await credential(loader, SleepRecorder(), Prompts()).token()
        }
        #expect(error?.kind == .signIn)
        #expect(error?.code == "AADSTS70020")
        #expect(error?.message.contains("expired") == true)
    }

    @Test func stopsPollingWhenTheCodeRunsOutOfTime() async {
        let clock = ManualClock()
        let shortLived = ScriptedLoader.json(200, #"{"device_code":"D","user_code":"U","verification_uri":"https://microsoft.com/devicelogin","expires_in":12,"interval":5}"#)
        let loader = ScriptedLoader([shortLived] + Array(repeating: Self.pending, count: 3))
        // Each wait moves the clock by what was asked: polls at 5, 10 and 15 s, past the 12 s the code lives.
        let credential = DeviceCodeCredential(
            signIn: signIn,
            transport: HTTPTransport(loader: loader, sleep: SleepRecorder().sleep, logger: LogCapture().logger()),
            prompt: Prompts().prompt, sleep: { clock.advance(by: $0 / .seconds(1)) }, now: clock.now)
        let error = await #expect(throws: ServiceError.self) { try await credential.token() }
        #expect(error?.kind == .signIn)
        #expect(error?.code == "expired_token")
        #expect(loader.sent.count == 4)
    }

    @Test func usesTheRefreshTokenWhenTheAccessTokenExpires() async throws {
        let clock = ManualClock()
        let refreshed = ScriptedLoader.json(200, #"{"token_type":"Bearer","expires_in":3600,"access_token":"op-token-2","refresh_token":"refresh-2"}"#)
        let loader = ScriptedLoader([Self.start, Self.token, refreshed])
        let prompts = Prompts()
        let credential = credential(loader, SleepRecorder(), prompts, clock: clock)
        #expect(try await credential.token().value == "op-token")
        clock.advance(by: 3500)
        #expect(try await credential.token().value == "op-token-2")
        #expect(prompts.shown.withLock { $0.count } == 1)
        #expect(fields(loader.sent[2].body)["grant_type"] == "refresh_token")
        #expect(fields(loader.sent[2].body)["refresh_token"] == "refresh-1")
    }

    @Test func aFailedRefreshFallsBackOnTheDeviceCode() async throws {
        let clock = ManualClock()
        let loader = ScriptedLoader([Self.start, Self.token, Self.oauth("invalid_grant", code: 700082), Self.start, Self.token])
        let prompts = Prompts()
        let credential = credential(loader, SleepRecorder(), prompts, clock: clock)
        _ = try await credential.token()
        clock.advance(by: 3500)
        #expect(try await credential.token().value == "op-token")
        #expect(prompts.shown.withLock { $0.count } == 2)
    }
}
