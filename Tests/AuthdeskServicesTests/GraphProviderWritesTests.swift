import AuthdeskCore
import Foundation
import Testing
@testable import AuthdeskServices

/// The Graph provider's writes against scripted answers: what is sent, what is refused before
/// sending, and how a password reset is followed.
@Suite struct GraphProviderWritesTests {
    let endpoints = GraphProviderTests.endpoints

    func provider(_ loader: ScriptedLoader, readOnly: Bool = false, sleeper: SleepRecorder = SleepRecorder(), clock: ManualClock = ManualClock()) -> GraphProvider {
        var tenant = GraphProviderTests.tenant
        tenant.readOnly = readOnly
        return GraphProvider(
            tenant: tenant, endpoints: endpoints, tokens: StaticTokenProvider("tok"),
            transport: HTTPTransport(loader: loader, sleep: sleeper.sleep, now: clock.now, logger: LogCapture().logger()))
    }

    func json(_ body: String) -> [String: JSONValue] {
        JSONValue.parse(Data(body.utf8))?.object ?? [:]
    }

    @Test func addPhoneSendsTheNumberAndTypeAndReadsTheAnswer() async throws {
        let loader = ScriptedLoader([ScriptedLoader.json(201, GraphFixtures.cameronAddedMobile)])
        let phone = try await provider(loader).addPhone(to: "CameronW@contoso.com", number: "+1 2065555555", type: .mobile)
        #expect(phone == PhoneMethod(id: PhoneType.mobile.methodID, phoneNumber: "+1 2065555555", phoneType: .mobile, smsSignInState: .notAllowedByPolicy))
        let sent = try #require(loader.sent.first)
        #expect(sent.method == "POST")
        #expect(sent.url.path == "/v1.0/users/CameronW@contoso.com/authentication/phoneMethods")
        #expect(json(sent.body) == ["phoneNumber": .string("+1 2065555555"), "phoneType": .string("mobile")])
    }

    @Test(arguments: ["2065555555", "+1 206-555-5555", "+1  2065555555", "+1 2065555555x", ""])
    func badNumbersAreRefusedBeforeSending(_ number: String) async {
        let loader = ScriptedLoader([])
        let error = await #expect(throws: ServiceError.self) {
            try await provider(loader).addPhone(to: "kim", number: number, type: .mobile)
        }
        #expect(error?.kind == .badInput)
        #expect(error?.code == "invalidPhoneNumber")
        #expect(error?.message.contains("+1 2065555555") == true)
        #expect(loader.sent.isEmpty)
    }

    @Test func readOnlyRefusesEveryWriteBeforeSending() async {
        let loader = ScriptedLoader([])
        let graph = provider(loader, readOnly: true)
        let error = await #expect(throws: ServiceError.self) { try await graph.revokeSessions(of: "kim") }
        #expect(error?.kind == .readOnly)
        await #expect(throws: ServiceError.self) { try await graph.deleteMethod(.phone(PhoneMethod(id: PhoneType.office.methodID, phoneNumber: "+1 4255550199", phoneType: .office)), of: "kim") }
        await #expect(throws: ServiceError.self) { try await graph.resetPassword(of: "kim", newPassword: nil) }
        #expect(loader.sent.isEmpty)
    }

    @Test func updatePhoneAndSmsSignInAddressTheFixedSlot() async throws {
        let loader = ScriptedLoader([ScriptedLoader.json(204, ""), .answer(status: 204, headers: [:], body: ""), .answer(status: 204, headers: [:], body: "")])
        let graph = provider(loader)
        try await graph.updatePhone(of: "u1", type: .office, number: "+1 5555551234x123")
        try await graph.setSmsSignIn(of: "u1", enabled: true)
        try await graph.setSmsSignIn(of: "u1", enabled: false)
        let sent = loader.sent
        #expect(sent.map(\.method) == ["PATCH", "POST", "POST"])
        #expect(sent[0].url.path == "/v1.0/users/u1/authentication/phoneMethods/\(PhoneType.office.methodID)")
        #expect(json(sent[0].body)["phoneNumber"] == .string("+1 5555551234x123"))
        #expect(sent[1].url.path == "/v1.0/users/u1/authentication/phoneMethods/\(PhoneType.mobile.methodID)/enableSmsSignIn")
        #expect(sent[2].url.path == "/v1.0/users/u1/authentication/phoneMethods/\(PhoneType.mobile.methodID)/disableSmsSignIn")
    }

    @Test func emailIsCheckedThenSent() async throws {
        let loader = ScriptedLoader([
            ScriptedLoader.json(201, #"{"id":"3ddfcfc8-9383-446f-83cc-3ab9be4be18f","emailAddress":"kim@fabrikam.com"}"#),
            .answer(status: 204, headers: [:], body: ""),
        ])
        let graph = provider(loader)
        for bad in ["kim", "kim@", "@fabrikam.com", "kim@fabrikam", "kim @fabrikam.com", "a@b.com,c@d.com"] {
            let error = await #expect(throws: ServiceError.self) { try await graph.addEmail(to: "u1", address: bad) }
            #expect(error?.code == "invalidEmailAddress")
        }
        #expect(loader.sent.isEmpty)
        let added = try await graph.addEmail(to: "u1", address: "kim@fabrikam.com")
        #expect(added == EmailMethod(id: GraphProvider.emailMethodID, emailAddress: "kim@fabrikam.com"))
        try await graph.updateEmail(of: "u1", address: "kim@contoso.com")
        #expect(loader.sent.map(\.method) == ["POST", "PATCH"])
        #expect(loader.sent[1].url.path == "/v1.0/users/u1/authentication/emailMethods/\(GraphProvider.emailMethodID)")
    }

    static let deletable: [(AuthMethod, String)] = [
        (.phone(PhoneMethod(id: PhoneType.alternateMobile.methodID, phoneNumber: "+1 2065550100", phoneType: .alternateMobile)),
         "/v1.0/users/u1/authentication/phoneMethods/\(PhoneType.alternateMobile.methodID)"),
        (.email(EmailMethod(id: "e1", emailAddress: "a@b.com")), "/v1.0/users/u1/authentication/emailMethods/e1"),
        (.fido2(Fido2Method(id: "f1")), "/v1.0/users/u1/authentication/fido2Methods/f1"),
        (.microsoftAuthenticator(MicrosoftAuthenticatorMethod(id: "m1")), "/v1.0/users/u1/authentication/microsoftAuthenticatorMethods/m1"),
        (.softwareOath(SoftwareOathMethod(id: "s1")), "/v1.0/users/u1/authentication/softwareOathMethods/s1"),
        (.temporaryAccessPass(TemporaryAccessPassMethod(id: "t1")), "/v1.0/users/u1/authentication/temporaryAccessPassMethods/t1"),
        (.windowsHelloForBusiness(KeyCredentialMethod(id: "w1")), "/v1.0/users/u1/authentication/windowsHelloForBusinessMethods/w1"),
        (.platformCredential(KeyCredentialMethod(id: "p1")), "/v1.0/users/u1/authentication/platformCredentialMethods/p1"),
        (.hardwareOath(HardwareOathMethod(id: "h1")), "/beta/users/u1/authentication/hardwareOathMethods/h1"),
        (.unknown(UnknownMethod(id: "q1", typeName: "#microsoft.graph.futureBadgeAuthenticationMethod")),
         "/v1.0/users/u1/authentication/futureBadgeMethods/q1"),
    ]

    @Test(arguments: deletable)
    func deleteGoesToTheMethodsCollection(_ method: AuthMethod, _ path: String) async throws {
        let loader = ScriptedLoader([.answer(status: 204, headers: [:], body: "")])
        try await provider(loader).deleteMethod(method, of: "u1")
        #expect(loader.sent.map(\.method) == ["DELETE"])
        #expect(loader.sent.first?.url.path == path)
    }

    @Test func passwordCannotBeDeleted() async {
        let loader = ScriptedLoader([])
        let error = await #expect(throws: ServiceError.self) {
            try await provider(loader).deleteMethod(.password(PasswordMethod()), of: "u1")
        }
        #expect(error?.code == "notDeletable")
        #expect(loader.sent.isEmpty)
    }

    @Test func deletingTheDefaultMethodFirstReportsTheServicesReason() async {
        let body = #"{"error":{"code":"badRequest","message":"Cannot delete default method with other methods configured. Please change default method before deletion.","innerError":{"request-id":"r-def"}}}"#
        let loader = ScriptedLoader([ScriptedLoader.json(400, body)])
        let error = await #expect(throws: ServiceError.self) {
            try await provider(loader).deleteMethod(.microsoftAuthenticator(MicrosoftAuthenticatorMethod(id: "m1")), of: "u1")
        }
        #expect(error?.kind == .badInput)
        #expect(error?.code == "badRequest")
        #expect(error?.requestID == "r-def")
    }

    @Test(arguments: [9, 43201, -1])
    func passLifetimeOutsideTheRangeIsRefused(_ minutes: Int) async {
        let loader = ScriptedLoader([])
        let error = await #expect(throws: ServiceError.self) {
            try await provider(loader).createTemporaryAccessPass(for: "u1", TemporaryAccessPassRequest(lifetimeInMinutes: minutes))
        }
        #expect(error?.code == "invalidLifetime")
        #expect(error?.message.contains("10 to 43200") == true)
        #expect(loader.sent.isEmpty)
    }

    @Test func passIsCreatedAndShownOnlyInItsField() async throws {
        let answer = #"{"id":"6f1fb2c6-dd3f-4b8e-8c4e-3b6e2c6e2b11","temporaryAccessPass":"TAPRocks!","createdDateTime":"2026-11-26T20:00:00Z","startDateTime":"2026-11-27T08:00:00Z","lifetimeInMinutes":60,"isUsableOnce":true,"isUsable":false,"methodUsabilityReason":"NotYetValid"}"#
        let loader = ScriptedLoader([ScriptedLoader.json(201, answer)])
        let start = Date(timeIntervalSince1970: 1_795_766_400)  // 2026-11-27T08:00:00Z
        let issued = try await provider(loader).createTemporaryAccessPass(
            for: "u1", TemporaryAccessPassRequest(lifetimeInMinutes: 60, isUsableOnce: true, startDateTime: start))
        #expect(issued.pass == "TAPRocks!")
        #expect(issued.method.lifetimeInMinutes == 60)
        #expect(issued.method.isUsableOnce == true)
        #expect(!String(describing: issued).contains("TAPRocks"))
        let body = json(try #require(loader.sent.first).body)
        #expect(body == ["lifetimeInMinutes": .number(60), "isUsableOnce": .bool(true), "startDateTime": .string("2026-11-27T08:00:00Z")])
    }

    @Test func defaultMethodIsReadAndSetOnBeta() async throws {
        let loader = ScriptedLoader([
            ScriptedLoader.json(200, #"{"userPreferredMethodForSecondaryAuthentication":"push","isSystemPreferredAuthenticationMethodEnabled":false}"#),
            .answer(status: 204, headers: [:], body: ""),
        ])
        let graph = provider(loader)
        let preferences = try await graph.signInPreferences(of: "u1")
        #expect(preferences.userPreferredMethodForSecondaryAuthentication == .push)
        #expect(preferences.isSystemPreferredAuthenticationMethodEnabled == false)
        try await graph.setDefaultMethod(of: "u1", to: .voiceMobile)
        #expect(loader.sent.map(\.url.path) == ["/beta/users/u1/authentication/signInPreferences", "/beta/users/u1/authentication/signInPreferences"])
        #expect(json(loader.sent[1].body) == ["userPreferredMethodForSecondaryAuthentication": .string("voiceMobile")])
        let error = await #expect(throws: ServiceError.self) { try await graph.setDefaultMethod(of: "u1", to: .none) }
        #expect(error?.message.contains("push, oath, voiceMobile") == true)
    }

    @Test func revokeSessionsPostsToTheUser() async throws {
        let loader = ScriptedLoader([ScriptedLoader.json(200, #"{"value":true}"#)])
        try await provider(loader).revokeSessions(of: "u1")
        #expect(loader.sent.first?.url.path == "/v1.0/users/u1/revokeSignInSessions")
        #expect(loader.sent.first?.method == "POST")
    }

    static let operationURL = "http://127.0.0.1:9/v1.0/users/a87cc624-b550-4559-b934-3bc0325a4808/authentication/operations/ba0c9a11-5163-4353-89ba-81501617ede0?aadgdc=AM4P&aadgsu=ssprprod-a"

    static func operation(_ status: String, headers: [String: String] = [:]) -> ScriptedLoader.Step {
        ScriptedLoader.json(200, #"{"id":"ba0c9a11-5163-4353-89ba-81501617ede0","createdDateTime":"2024-01-18T16:37:10Z","lastActionDateTime":"2024-01-18T16:37:10Z","status":"\#(status)"}"#, headers: headers)
    }

    @Test func generatedPasswordResetIsFollowedToItsEnd() async throws {
        let sleeper = SleepRecorder()
        let loader = ScriptedLoader([
            ScriptedLoader.json(202, GraphFixtures.cameronResetAnswer, headers: ["Location": Self.operationURL, "Retry-After": "2"]),
            Self.operation("notStarted"),
            Self.operation("running", headers: ["Retry-After": "0.5"]),
            Self.operation("running"),
            ScriptedLoader.json(200, GraphFixtures.cameronOperation),
        ])
        let graph = provider(loader, sleeper: sleeper)
        let reset = try await graph.resetPassword(of: "CameronW@contoso.com", newPassword: nil)
        #expect(reset.generatedPassword == "Hopu0277")
        #expect(reset.operationURL?.absoluteString == Self.operationURL)
        #expect(!reset.description.contains("Hopu0277"))
        #expect(json(try #require(loader.sent.first).body).isEmpty)
        var statuses: [LongRunningOperation.Status] = []
        var last: LongRunningOperation?
        for try await update in graph.operationUpdates(of: reset) {
            statuses.append(update.status)
            last = update
        }
        #expect(statuses == [.notStarted, .running, .succeeded])
        #expect(last?.statusDetail == "ResetSuccess")
        // Retry-After of the 202, back-off after notStarted, Retry-After of the running answer, back-off.
        #expect(sleeper.recorded == [.seconds(2), .seconds(1), .seconds(0.5), .seconds(2)])
        #expect(loader.sent.dropFirst().allSatisfy { $0.url.absoluteString == Self.operationURL && $0.method == "GET" })
    }

    @Test func aConnectionDroppedMidPollIsRetriedAndTheStreamGoesOn() async throws {
        let loader = ScriptedLoader([
            ScriptedLoader.json(202, GraphFixtures.cameronResetAnswer, headers: ["Location": Self.operationURL]),
            Self.operation("running"),
            .fail(.networkConnectionLost),
            .fail(.timedOut),
            ScriptedLoader.json(200, GraphFixtures.cameronOperation),
        ])
        let graph = provider(loader)
        let reset = try await graph.resetPassword(of: "CameronW@contoso.com", newPassword: nil)
        var statuses: [LongRunningOperation.Status] = []
        for try await update in graph.operationUpdates(of: reset) { statuses.append(update.status) }
        #expect(statuses == [.running, .succeeded])
        #expect(loader.sent.count == 5)
    }

    @Test func givenPasswordIsSentAndNotEchoed() async throws {
        let loader = ScriptedLoader([.answer(status: 202, headers: ["Location": Self.operationURL], body: "")])
        let reset = try await provider(loader).resetPassword(of: "u1", newPassword: "29sdjfw#fajsdA_a_3an3223")
        #expect(reset.generatedPassword == nil)
        #expect(json(try #require(loader.sent.first).body) == ["newPassword": .string("29sdjfw#fajsdA_a_3an3223")])
        #expect(loader.sent.first?.url.path == "/v1.0/users/u1/authentication/methods/\(PasswordMethod.graphID)/resetPassword")
    }

    @Test(arguments: ["sh1A!", "alllowercase1", "NoDigitsOrSymbols", "Two\nLines1!", String(repeating: "Aa1!", count: 65)])
    func weakPasswordsAreRefusedBeforeSending(_ password: String) async {
        let loader = ScriptedLoader([])
        let error = await #expect(throws: ServiceError.self) {
            try await provider(loader).resetPassword(of: "u1", newPassword: password)
        }
        #expect(error?.code == "invalidPassword")
        #expect(error?.message.contains("8 to 256") == true)
        #expect(loader.sent.isEmpty)
    }

    @Test func operationNotFoundEndsTheStreamClearly() async {
        let loader = ScriptedLoader([ScriptedLoader.json(404, #"{"error":{"code":"itemNotFound","message":"Not found","innerError":{"request-id":"r-op"}}}"#)])
        let stream = provider(loader).operationUpdates(of: PasswordReset(operationURL: URL(string: Self.operationURL)))
        let error = await #expect(throws: ServiceError.self) { for try await _ in stream {} }
        #expect(error?.kind == .notFound)
        #expect(error?.requestID == "r-op")
        #expect(error?.message.contains("expired") == true)
    }

    @Test func operationElsewhereIsNotFollowed() async {
        let loader = ScriptedLoader([])
        let reset = PasswordReset(operationURL: URL(string: "https://graph.microsoft.com/v1.0/users/u/authentication/operations/o"))
        await #expect(throws: ServiceError.self) { for try await _ in provider(loader).operationUpdates(of: reset) {} }
        #expect(loader.sent.isEmpty)
    }

    @Test func operationThatNeverEndsIsGivenUp() async {
        let clock = ManualClock()
        let loader = ScriptedLoader(Array(repeating: Self.operation("running"), count: 10))
        var graph = GraphProvider(
            tenant: GraphProviderTests.tenant, endpoints: endpoints, tokens: StaticTokenProvider("tok"),
            transport: HTTPTransport(loader: loader, sleep: { clock.advance(by: $0 / .seconds(1)) }, now: clock.now, logger: LogCapture().logger()))
        graph.operationTimeout = .seconds(20)
        var seen: [LongRunningOperation.Status] = []
        let error = await #expect(throws: ServiceError.self) {
            for try await update in graph.operationUpdates(of: PasswordReset(operationURL: URL(string: Self.operationURL))) {
                seen.append(update.status)
            }
        }
        #expect(seen == [.running])
        #expect(error?.code == "operationTimeout")
        #expect(error?.message.contains("still running") == true)
        // waits 1, 1, 2, 4, 8, 10: the sixth poll is at 26 s, past the 20 s allowed.
        #expect(loader.sent.count == 6)
    }

    @Test func operationDecodesTheSeedSample() async throws {
        let loader = ScriptedLoader([ScriptedLoader.json(200, GraphFixtures.averyOperation)])
        let reset = PasswordReset(operationURL: URL(string: "http://127.0.0.1:9/beta/users/ed178e23-7447-4892-baf8-fc46f8af26ce/authentication/operations/74bfa1a6-c0e0-4957-8c37-f91048f4959e?aadgdc=BY01P&aadgsu=ssprprod-a"))
        var updates: [LongRunningOperation] = []
        for try await update in provider(loader).operationUpdates(of: reset) { updates.append(update) }
        #expect(updates == [LongRunningOperation(
            id: "74bfa1a6-c0e0-4957-8c37-f91048f4959e", status: .succeeded, statusDetail: "ResetSuccess",
            createdAt: Date(timeIntervalSince1970: 1_589_415_820), lastActionAt: Date(timeIntervalSince1970: 1_589_415_821),
            resourceLocation: "https://graph.microsoft.com/beta/users/ed178e23-7447-4892-baf8-fc46f8af26ce/authentication/methods/28c10230-6103-485e-b985-444c60001490")])
    }

    @Test func writesTakeFromTheBudget() async throws {
        let sleeper = SleepRecorder()
        let clock = ManualClock()
        let loader = ScriptedLoader(Array(repeating: ScriptedLoader.json(200, #"{"value":true}"#), count: 4))
        let budget = WriteBudget(capacity: 2, refillPerSecond: 1, now: clock.now, sleep: sleeper.sleep)
        let graph = GraphProvider(
            tenant: GraphProviderTests.tenant, endpoints: endpoints, tokens: StaticTokenProvider("tok"),
            transport: HTTPTransport(loader: loader, sleep: SleepRecorder().sleep, logger: LogCapture().logger()), budget: budget)
        for _ in 1...4 { try await graph.revokeSessions(of: "u1") }
        #expect(sleeper.recorded == [.seconds(1), .seconds(2)])
    }
}
