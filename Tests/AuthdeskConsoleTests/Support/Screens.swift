import AuthdeskConsole
import AuthdeskCore
import AuthdeskServices
import AuthdeskViewModels
import Foundation

/// Browser states for rendering tests, built through the state machine itself.
enum Screens {
    static let contoso = TenantInfo(
        name: "contoso", provider: .graph, id: "00000000-0000-0000-0000-000000000001",
        domain: "contoso.com", color: "red")

    static let users: [DirectoryUser] = [
        DirectoryUser(id: "u1", displayName: "Adele Vance", principalName: "AdeleV@contoso.com"),
        DirectoryUser(id: "u2", displayName: "山田 太郎", principalName: "taro.yamada@contoso.com"),
        DirectoryUser(id: "u3", displayName: "José Álvarez", principalName: "jose.alvarez@contoso.com"),
        DirectoryUser(id: "u4", displayName: "Zoe\u{0308} Decomposed", principalName: "zoe@contoso.com"),
        DirectoryUser(id: "u5", displayName: "김민준", principalName: "minjun.kim@contoso.com"),
        DirectoryUser(id: "u6", displayName: "Megan Bowen-Featherstonehaugh of the Extremely Long Name", principalName: "MeganB@contoso.com"),
    ]

    static let adeleMethods: [AuthMethod] = [
        .password(PasswordMethod(createdAt: Date(timeIntervalSince1970: 1_700_000_000))),
        .phone(PhoneMethod(id: "3179e48a-750b-4051-897c-87b9720928f7", phoneNumber: "+1 2065555555", phoneType: .mobile, smsSignInState: .ready)),
        .microsoftAuthenticator(MicrosoftAuthenticatorMethod(id: "6a5b2c1d", displayName: "Adele's iPhone 15", deviceTag: "SoftwareTokenActivated", phoneAppVersion: "6.2401.0119")),
        .fido2(Fido2Method(id: "f1d0", displayName: "YubiKey 5C NFC", aaGuid: "ee882879-721c-4913-9775-3dfcce97072a", model: "YubiKey 5 Series")),
    ]

    /// A browser showing `users` with Adele's methods loaded, laid out for `width` x `height`.
    static func browser(
        tenant: TenantInfo = contoso, readOnly: Bool = false, keyMap: KeyMap = .standard,
        width: Int = 80, height: Int = 24
    ) -> BrowserState {
        var state = BrowserState(tenant: tenant, keyMap: keyMap, readOnly: readOnly)
        let layout = BrowserLayout(width: width, height: height)
        _ = state.apply(.viewport(usersRows: layout.usersRows, methodsRows: layout.methodsRows))
        _ = state.apply(.start)
        _ = state.apply(.searchAnswered(generation: state.list.generation, .success(UserPage(users: users, next: PageCursor("p2")))))
        _ = state.apply(.methodsAnswered(generation: state.methodsPane.generation, userID: "u1", .success(adeleMethods)))
        return state
    }

    static func render(_ state: BrowserState, width: Int = 80, height: Int = 24, options: RenderOptions = RenderOptions()) -> CellGrid {
        BrowserRenderer.render(state, width: width, height: height, options: options)
    }
}
