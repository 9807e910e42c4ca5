import AuthdeskConsole
import AuthdeskCore
import AuthdeskServices
import AuthdeskViewModels
import Foundation
import Testing

/// The details pane showing the account (`i`) at 80x24, read back as text.
struct BrowserRendererAccountTests {
    private func lines(_ state: BrowserState) -> [String] {
        Screens.render(state).text.components(separatedBy: "\n")
    }

    private func withAccount(_ result: Result<AccountDetails, ServiceError>) -> BrowserState {
        var state = Screens.browser()
        _ = state.apply(.action(.toggleAccount))
        _ = state.apply(.accountAnswered(generation: state.accountPane.generation, userID: "u1", result))
        return state
    }

    @Test func theAccountReplacesTheMethodDetails() throws {
        let adele = Screens.users[0]
        let details = AccountDetails(
            user: adele, accountEnabled: false, synced: false, roles: .value([]), perUserMfaState: .value(.enforced),
            registration: .notAvailable("licence"),
            lastSignIn: .value(nil))
        let text = lines(withAccount(.success(details)))
        #expect(text[12].contains("┌─ Account · Adele Vance ─"))
        #expect(text[13].contains("│ Sign-in       blocked (account disabled)"))
        #expect(text[14].contains("│ Synced        no (cloud only)"))
        #expect(text[15].contains("│ Roles         none"))
        #expect(text[16].contains("│ Per-user MFA  enforced"))
        #expect(text[17].contains("│ Registration  not available (licence)"))
        #expect(text.joined(separator: "\n").contains("Last sign-in  never"))
        #expect(!text.joined(separator: "\n").contains("Details · Password"))
    }

    @Test func whileReadingAndOnFailureThePaneSaysSo() {
        var state = Screens.browser()
        _ = state.apply(.action(.toggleAccount))
        #expect(lines(state)[13].contains("Reading the account"))
        let failed = withAccount(.failure(ServiceError(kind: .forbidden, status: 403, code: "accessDenied", message: "No", requestID: "r-1")))
        #expect(lines(failed)[13].contains("No (HTTP 403 accessDenied, request id"))
        #expect(lines(failed)[14].contains("r-1)"))
    }
}
