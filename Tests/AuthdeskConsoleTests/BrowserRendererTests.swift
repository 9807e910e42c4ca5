import AuthdeskConsole
import AuthdeskCore
import AuthdeskServices
import AuthdeskText
import AuthdeskViewModels
import Testing

struct BrowserRendererTests {
    private static let expected80x24 = """
         contoso · Microsoft Entra ID · contoso.com                            authdesk
         / press / to search by name or principal name                         6+ users
        ┌─ Users ──────────────────────────┐┌─ Methods · Adele Vance ──────────────────┐
        │  Name           Principal name   ││▸ Password                 password set   │
        │▸ Adele Vance    AdeleV@contoso.c…││  Mobile phone             +1 2065555555  │
        │  山田 太郎      taro.yamada@cont…││  Microsoft Authenticator  Adele's iPhone…│
        │  José Álvarez   jose.alvarez@con…││  FIDO2 security key       YubiKey 5C NFC │
        │  Zoë Decomposed zoe@contoso.com  ││                                          │
        │  김민준         minjun.kim@conto…││                                          │
        │  Megan Bowen-F… MeganB@contoso.c…││                                          │
        │                                  ││                                          │
        │                                  │└──────────────────────────────────── 1/4 ─┘
        │                                  │┌─ Details · Password ─────────────────────┐
        │                                  ││ Type     Password                        │
        │                                  ││ Created  2023-11-14 22:13:20             │
        │                                  ││ Id       28c10230-6103-485e-b985-444c600 │
        │                                  ││          01490                           │
        │                                  ││                                          │
        │                                  ││                                          │
        │                                  ││                                          │
        │                                  ││                                          │
        └────────────────── 1/6+ loading… ─┘└──────────────────────────────────────────┘

         enter open  space mark  / search  tab next pane  : command  ? help  q quit
        """

    @Test func theBrowserAt80x24() {
        let grid = Screens.render(Screens.browser())
        #expect(grid.text == Self.expected80x24)
    }

    @Test func everyRowIsExactlyAsWideAsTheScreen() {
        for (width, height) in [(80, 24), (120, 40)] {
            let grid = Screens.render(Screens.browser(width: width, height: height), width: width, height: height)
            for y in 0..<height {
                #expect(DisplayWidth.of(grid.row(y)) == width, "row \(y) at \(width)x\(height)")
            }
        }
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func wideAndAccentedNamesKeepTheColumnsAligned(_ width: Int, _ height: Int) {
        let grid = Screens.render(Screens.browser(width: width, height: height), width: width, height: height)
        var starts: Set<Int> = []
        for (i, user) in Screens.users.enumerated() {
            let y = 4 + i
            let x = (0..<width).first { x in
                grid[x, y].text == String(user.principalName.prefix(1)) && grid[x - 1, y].text == " "
                    && x > 10
            }
            starts.insert(x ?? -1)
        }
        #expect(starts.count == 1, "principal names start in one column: \(starts)")
        #expect(!starts.contains(-1))
        let zoe = (0..<width).map { grid[$0, 7].text }
        #expect(zoe.contains("e\u{0308}"), "the decomposed ë is one cell")
    }

    @Test func theBrowserAt120x40UsesTheRoom() {
        let state = Screens.browser(width: 120, height: 40)
        let grid = Screens.render(state, width: 120, height: 40)
        let lines = grid.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 40)
        #expect(lines[2].hasPrefix("┌─ Users ─"))
        #expect(lines[2].contains("┐┌─ Methods · Adele Vance ─"))
        #expect(lines[4].contains("Adele Vance            AdeleV@contoso.com"))
        #expect(lines[9].contains("Megan Bowen-Featherst… MeganB@contoso.com"))
        #expect(lines[5].contains("Microsoft Authenticator  Adele's iPhone 15"))
        #expect(lines[37].hasPrefix("└") && lines[37].contains("1/6+"))
        #expect(lines[39].contains("enter open  space mark  R reset MFA  / search"), "with room, both marking hints")
        #expect(state.list.rows == BrowserLayout(width: 120, height: 40).usersRows)
        #expect(BrowserLayout(width: 120, height: 40).usersRows == 33)
    }

    @Test func asciiModeDrawsWithPlusMinusAndBar() {
        let grid = Screens.render(Screens.browser(), options: RenderOptions(asciiLines: true))
        let text = grid.text
        #expect(text.contains("+- Users ---"))
        #expect(text.contains("|> Adele Vance"))
        #expect(!text.contains("─") && !text.contains("│") && !text.contains("┌"))
        #expect(text.contains("山田 太郎"), "--ascii changes lines only, names stay as they are")
    }

    @Test func aLocaleThatIsNotUTF8GetsASCIIOnly() {
        let grid = Screens.render(Screens.browser(), options: RenderOptions(asciiText: true))
        #expect(grid.text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(grid.text.contains("|  Jose Alvarez   jose.alvarez@con~|"))
        #expect(grid.text.contains("|  Zoe Decomposed zoe@contoso.com  |"))
    }

    @Test func theHelpScreenListsEveryBindingAt80x24() {
        var state = Screens.browser()
        _ = state.apply(.action(.help))
        var pages = [Screens.render(state).text]
        #expect(pages[0].contains("more: j scrolls"))
        while true {
            let top = state.help.top
            _ = state.apply(.action(.pageDown))
            if state.help.top == top { break }
            pages.append(Screens.render(state).text)
        }
        let text = pages.joined(separator: "\n")
        for section in state.keyMap.helpSections() + state.keyMap.helpSections(KeyScope.bulk) {
            #expect(text.contains(section.scope.title))
            for entry in section.entries {
                #expect(text.contains("\(entry.keyLabel)  "), "key \(entry.keyLabel)")
                #expect(text.contains(entry.description), "\(entry.description)")
            }
        }
        for command in BrowserCommand.all { #expect(text.contains(command.usage)) }
        #expect(!pages[pages.count - 1].contains("more: j scrolls"))
        #expect(pages[0].hasSuffix(" esc, ? close help  j scroll down  k scroll up"))
    }

    @Test func theBulkSectionsOfTheHelpDoNotWidenItsColumns() {
        let browserOnly = KeyMap(KeyMap.standard.bindings.filter { !KeyScope.bulk.contains($0.scope) })
        var pages: [[String]] = []
        for keyMap in [KeyMap.standard, browserOnly] {
            var state = Screens.browser(readOnly: true, keyMap: keyMap, width: 120, height: 40)
            _ = state.apply(.action(.help))
            pages.append(Screens.render(state, width: 120, height: 40).text.components(separatedBy: "\n"))
        }
        #expect(pages[0].contains { $0.contains("Global") && $0.contains("esc           cancel") }, "two columns at 120")
        #expect(pages[0].prefix(34) == pages[1].prefix(34), "the same columns as without the bulk sections")
    }

    @Test func readOnlyShowsInTheBannerAndHidesDestructiveBindings() {
        let delete = KeyBinding(.character("D"), .reload, scope: .methods, "delete method", isDestructive: true, isHint: true)
        let map = KeyMap(KeyMap.standard.bindings + [delete])

        var writable = Screens.browser(keyMap: map)
        _ = writable.apply(.action(.nextPane))
        #expect(Screens.render(writable, width: 120, height: 24).text.contains("D delete method"))
        _ = writable.apply(.action(.help))
        #expect(Screens.render(writable, width: 160, height: 50).text.contains("delete method"))

        var readOnly = Screens.browser(readOnly: true, keyMap: map)
        _ = readOnly.apply(.action(.nextPane))
        let screen = Screens.render(readOnly).text
        #expect(screen.split(separator: "\n").first?.contains("READ-ONLY") == true)
        #expect(!screen.contains("delete method"))
        _ = readOnly.apply(.action(.help))
        let help = Screens.render(readOnly, width: 160, height: 50).text
        #expect(!help.contains("delete method"))
        #expect(help.contains("read-only"))
    }

    @Test func withoutColourSelectionIsReverseVideo() {
        let grid = Screens.render(Screens.browser(), options: RenderOptions(color: false))
        #expect(grid.cells.allSatisfy { $0.style.foreground == nil && $0.style.background == nil })
        #expect(grid[3, 4].style.reverse, "the selected user")
        #expect(!grid[3, 5].style.reverse)
        #expect(grid[5, 0].style.reverse, "the banner")
    }

    @Test func theBannerIsInTheTenantsColour() {
        let grid = Screens.render(Screens.browser())
        #expect(grid[5, 0].style.background == .red)
        #expect(grid[79, 0].style.background == .red)
        let blue = TenantInfo(name: "fabrikam", provider: .graph, id: "f", domain: "fabrikam.com", color: "blue")
        #expect(Screens.render(Screens.browser(tenant: blue))[5, 0].style.background == .blue)
    }

    @Test func aMethodsFailureShowsItsCodeAndRequestID() {
        var state = Screens.browser()
        _ = state.apply(.action(.moveDown))
        let error = ServiceError(kind: .forbidden, status: 403, code: "Authorization_RequestDenied", message: "Insufficient privileges", requestID: "9f1c-77")
        _ = state.apply(.methodsAnswered(generation: state.methodsPane.generation, userID: "u2", .failure(error)))
        let text = Screens.render(state).text
        #expect(text.contains("│ Insufficient privileges (HTTP 403"))
        #expect(text.contains("Request id   9f1c-77"))
        #expect(text.contains("Code         Authorization_RequestDenied"))
        #expect(text.contains(" Could not read methods: Insufficient privileges (HTTP 403 Authorization_Requ"))
    }

    @Test func theSearchLineShowsWhatIsTypedWithACursor() {
        var state = Screens.browser()
        _ = state.apply(.action(.search))
        for c in "山田" { _ = state.apply(.key(.character(c))) }
        let grid = Screens.render(state)
        #expect(grid.row(1).hasPrefix(" / 山田  "))
        #expect(grid[7, 1].style.reverse, "the cursor follows the two wide characters")
        #expect(grid.row(1).contains("searching…"))
        #expect(grid.text.hasSuffix(" enter done  esc close search  ctrl-u clear search"))
    }

    @Test func theCommandLineTakesTheFlashLine() {
        var state = Screens.browser()
        _ = state.apply(.action(.commandLine))
        _ = state.apply(.key(.character("q")))
        let grid = Screens.render(state)
        #expect(grid.row(22).hasPrefix(" :q "))
        #expect(grid[3, 22].style.reverse)
    }

    @Test func anEmptyResultSaysWhatWasSearched() {
        var state = Screens.browser()
        _ = state.apply(.action(.search))
        _ = state.apply(.key(.character("x")))
        _ = state.apply(.searchAnswered(generation: state.list.generation, .success(UserPage(users: []))))
        let text = Screens.render(state).text
        #expect(text.contains("│ No user matches “x”"))
        #expect(text.contains(" / x "))
        #expect(text.contains("0 users"))
    }

    @Test func aTerminalTooSmallSaysSo() {
        let grid = Screens.render(Screens.browser(), width: 40, height: 10)
        #expect(grid.text.contains("authdesk needs at least 60x14"))
        #expect(grid.text.contains("40x10"))
        #expect(Screens.render(Screens.browser(), width: 0, height: 0).text.isEmpty)
    }
}
