import AuthdeskConsole
import AuthdeskCore
import AuthdeskServices
import AuthdeskText
import AuthdeskViewModels
import Foundation
import Testing

/// The action dialogs drawn at 80x24, read back as text.
struct BrowserRendererDialogTests {
    /// Adele's methods focused, then `events` applied.
    private func state(_ events: [BrowserEvent], readOnly: Bool = false) -> BrowserState {
        var state = Screens.browser(readOnly: readOnly)
        _ = state.apply(.action(.nextPane))
        for event in events { _ = state.apply(event) }
        return state
    }

    private func keys(_ text: String) -> [BrowserEvent] {
        text.map { .key(.character($0)) }
    }

    private func lines(_ state: BrowserState) -> [String] {
        Screens.render(state).text.components(separatedBy: "\n")
    }

    @Test func deleteDialogAt80x24() {
        let screen = state([.action(.moveDown), .action(.deleteMethod)])
        let text = Screens.render(screen).text
        #expect(text == """
             contoso · Microsoft Entra ID · contoso.com                            authdesk
             / press / to search by name or principal name                         6+ users
            ┌─ Users ──────────────────────────┐┌─ Methods · Adele Vance ──────────────────┐
            │  Name           Principal name   ││  Password                 password set   │
            │▸ Adele Vance    AdeleV@contoso.c…││▸ Mobile phone             +1 2065555555  │
            │  山田 太郎      taro.yamada@cont…││  Microsoft Authenticator  Adele's iPhone…│
            │  José Álvarez   jose.alvarez@con…││  FIDO2 security key       YubiKey 5C NFC │
            │  Z┌─ Delete a method ────────────────────────────────────────────────────┐   │
            │   │ Delete the method Mobile phone (+1 2065555555) of Adele Vance        │   │
            │  M│ (AdeleV@contoso.com) in the tenant contoso.                          │   │
            │   │ Pre-flight: checking…                                                │   │
            │   │                                                                      │4 ─┘
            │   │ This cannot be undone.                                               │───┐
            │   │                                                                      │   │
            │   │                        [ Cancel ]  [ Delete ]                        │   │
            │   └──────────────────────────────────────────────────────────────────────┘   │
            │                                  ││ SMS sign-in  ready                       │
            │                                  ││ Id           3179e48a-750b-4051-897c-87b │
            │                                  ││              9720928f7                   │
            │                                  ││                                          │
            │                                  ││                                          │
            └────────────────── 1/6+ loading… ─┘└──────────────────────────────────────────┘

             tab next field  space change choice  enter confirm  esc cancel
            """)
    }

    @Test func cancelIsFirstAndFocusedInADestructiveDialog() {
        let grid = Screens.render(state([.action(.revokeSessions)]))
        let row = (0..<grid.height).first { grid.row($0).contains("[ Cancel ]") }
        let y = try! #require(row)
        let line = grid.row(y)
        let cancel = try! #require(line.range(of: "[ Cancel ]"))
        let revoke = try! #require(line.range(of: "[ Revoke ]"))
        #expect(cancel.lowerBound < revoke.lowerBound)
        let cancelX = line.distance(from: line.startIndex, to: cancel.lowerBound)
        #expect(grid[cancelX, y].style == Theme(options: RenderOptions(), tenantColor: .red).selection)
    }

    @Test func anInvalidNumberIsExplainedInTheDialog() {
        let screen = state([.action(.addPhone), .action(.nextField)] + keys("+1 206-555"))
        let text = Screens.render(screen).text
        #expect(text.contains("Add a phone for Adele Vance (AdeleV@contoso.com) in the"))
        #expect(text.contains("Type      < Alternate mobile phone >"))
        #expect(text.contains("Number    +1 206-555"))
        #expect(text.contains("the number '206-555' must be 4 to 15 digits"))
        #expect(text.contains("[ Add ]  [ Cancel ]"))
    }

    @Test func aRefusalShowsCodeAndRequestID() {
        var screen = state([.action(.addPhone), .action(.nextField)] + keys("+44 2071234567") + [.action(.confirm)])
        let id = try! #require(screen.dialog?.id)
        let refusal = ServiceError(kind: .badInput, status: 400, code: "invalidValue", message: "Not a valid number", requestID: "req-42")
        _ = screen.apply(.dialogAnswered(dialogID: id, .failure(refusal), at: .zero))
        let text = Screens.render(screen).text
        #expect(text.contains("Refused: Not a valid number (HTTP 400 invalidValue, request id"))
        #expect(text.contains("req-42"))
        #expect(text.contains("+44 2071234567"))
    }

    @Test func aTypedPasswordIsMasked() {
        let screen = state([.action(.resetPassword), .action(.previousField),
                            .action(.toggleChoice), .action(.nextField)] + keys("hunter2!"))
        let text = Screens.render(screen).text
        #expect(text.contains("New       ••••••••"))
        #expect(!text.contains("hunter2"))
    }

    @Test func aNewPassIsMaskedUntilRevealed() throws {
        var screen = state([.action(.issueTemporaryAccessPass), .action(.nextField), .action(.confirm)])
        let id = try #require(screen.dialog?.id)
        let issued = IssuedTemporaryAccessPass(
            method: TemporaryAccessPassMethod(id: "t1", lifetimeInMinutes: 60, isUsableOnce: true), pass: "Zq7!pass")
        _ = screen.apply(.dialogAnswered(dialogID: id, .success(.pass(issued)), at: .zero))
        var text = Screens.render(screen).text
        #expect(text.contains("Pass      ••••••••  r reveals, c copies"))
        #expect(text.contains("Valid for 60 minutes · Works once · Starts now (UTC)"))
        #expect(!text.contains("Zq7!pass"))
        #expect(text.contains("r reveal or hide  c copy to your clipboard (OSC 52)"))
        _ = screen.apply(.action(.reveal))
        text = Screens.render(screen).text
        #expect(text.contains("Pass      Zq7!pass  r hides"))
        _ = screen.apply(.action(.closeDialog))
        #expect(!Screens.render(screen).text.contains("Zq7!pass"))
    }

    @Test func aResetShowsItsProgressAndTheBannerFollowsIt() throws {
        var screen = state([.action(.resetPassword), .action(.nextField), .action(.confirm)])
        let id = try #require(screen.dialog?.id)
        let reset = PasswordReset(operationURL: URL(string: "https://graph.microsoft.com/v1.0/operations/1"), generatedPassword: "G3n!")
        _ = screen.apply(.dialogAnswered(dialogID: id, .success(.reset(reset)), at: .seconds(10)))
        let operation = try #require(screen.operation?.id)
        _ = screen.apply(.operationUpdated(operationID: operation, LongRunningOperation(id: "1", status: .notStarted), at: .seconds(11)))
        _ = screen.apply(.operationUpdated(operationID: operation, LongRunningOperation(id: "1", status: .running), at: .seconds(13)))
        _ = screen.apply(.operationTicked(operationID: operation, at: .seconds(14)))
        var text = Screens.render(screen).text
        #expect(text.contains("Status        ⠙ running"))
        #expect(text.contains("So far        notStarted > running"))
        #expect(text.contains("Elapsed       4s"))
        #expect(text.contains("New password  ••••  r reveals, c copies"))
        #expect(!text.contains("G3n!"))
        _ = screen.apply(.action(.closeDialog))
        text = Screens.render(screen).text
        let banner = try #require(text.components(separatedBy: "\n").first)
        #expect(banner.contains("⠙ reset Adele Vance: running 4s"))
        _ = screen.apply(.operationUpdated(
            operationID: operation, LongRunningOperation(id: "1", status: .succeeded, statusDetail: "ResetSuccess"), at: .seconds(15)))
        let lines = lines(screen)
        #expect(!lines[0].contains("reset Adele Vance"))
        #expect(lines[22].contains("Password reset of Adele Vance: succeeded (ResetSuccess) after 5s"))
    }

    @Test func readOnlyHintsAndHelpHaveNoDestructiveKey() {
        let writable = lines(state([]))[23]
        #expect(writable == " esc back  a add phone  d delete  t TAP  p password  i account  ? help")
        var screen = state([], readOnly: true)
        let hints = lines(screen)[23]
        #expect(hints == " esc back  i account  / search  tab next pane  : command  ? help  q quit")
        _ = screen.apply(.action(.help))
        var help = ""
        while true {
            help += Screens.render(screen).text
            let top = screen.help.top
            _ = screen.apply(.action(.pageDown))
            if screen.help.top == top { break }
        }
        #expect(help.contains("Methods pane"))
        for description in Self.destructive { #expect(!help.contains(description)) }
    }

    private static let destructive = [
        "add a phone", "change the selected phone", "delete the selected method", "SMS sign-in", "e-mail method",
        "Temporary Access Pass", "revoke sessions", "reset the password",
    ]

    @Test func helpListsTheDialogKeys() {
        var screen = state([])
        _ = screen.apply(.action(.help))
        let help = Screens.render(screen, width: 200, height: 60).text
        for description in Self.destructive + ["next field", "change choice", "reveal or hide", "copy to your clipboard (OSC 52)"] {
            #expect(help.contains(description))
        }
        #expect(help.contains("d, del"))
    }

    @Test(arguments: [
        (KeyAction.addPhone, "Add a phone", "[ Add ]  [ Cancel ]"),
        (.editMethod, "Change a phone number", "[ Cancel ]  [ Change ]"),
        (.deleteMethod, "Delete a method", "[ Cancel ]  [ Delete ]"),
        (.toggleSmsSignIn, "Turn SMS sign-in off", "[ Cancel ]  [ Turn off ]"),
        (.editEmail, "Add the e-mail method", "[ Add ]  [ Cancel ]"),
        (.issueTemporaryAccessPass, "Issue a Temporary Access Pass", "[ Cancel ]  [ Issue ]"),
        (.revokeSessions, "Revoke sessions", "[ Cancel ]  [ Revoke ]"),
        (.resetPassword, "Reset the password", "[ Cancel ]  [ Reset ]"),
    ])
    func everyDialogFitsAt80x24(action: KeyAction, title: String, buttons: String) throws {
        let screen = state([.action(.moveDown), .action(action)])
        let dialog = try #require(screen.dialog)
        let grid = Screens.render(screen)
        let text = grid.text
        #expect(text.contains("┌─ \(title) "))
        #expect(text.contains(buttons))
        #expect(text.contains("Adele Vance"))
        #expect(text.contains("(AdeleV@contoso.com)"))
        #expect(dialog.summary.hasSuffix("Adele Vance (AdeleV@contoso.com) in the tenant contoso."))
        #expect((0..<grid.height).allSatisfy { DisplayWidth.of(grid.row($0)) == 80 })
    }
}
