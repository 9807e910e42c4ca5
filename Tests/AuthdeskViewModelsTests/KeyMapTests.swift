import AuthdeskViewModels
import Testing

struct KeyMapTests {
    private let destructive = KeyBinding(
        .character("Z"), .reload, scope: .methods, "delete the method", isDestructive: true, isHint: true)

    @Test func noKeyIsBoundTwiceInOneScope() {
        for scope in KeyScope.allCases {
            let keys = KeyMap.standard.bindings.filter { $0.scope == scope }.map(\.key)
            #expect(Set(keys).count == keys.count, "duplicate key in \(scope)")
        }
    }

    @Test func theBriefsKeysAreBound() {
        let map = KeyMap.standard
        let list: [KeyScope] = [.users, .list, .global]
        #expect(map.action(for: .character("/"), in: list) == .search)
        #expect(map.action(for: .character("j"), in: list) == .moveDown)
        #expect(map.action(for: .down, in: list) == .moveDown)
        #expect(map.action(for: .character("k"), in: list) == .moveUp)
        #expect(map.action(for: .up, in: list) == .moveUp)
        #expect(map.action(for: .pageDown, in: list) == .pageDown)
        #expect(map.action(for: .pageUp, in: list) == .pageUp)
        #expect(map.action(for: .character("g"), in: list) == .top)
        #expect(map.action(for: .character("G"), in: list) == .bottom)
        #expect(map.action(for: .tab, in: list) == .nextPane)
        #expect(map.action(for: .enter, in: list) == .open)
        #expect(map.action(for: .character("?"), in: list) == .help)
        #expect(map.action(for: .character("q"), in: list) == .quit)
        #expect(map.action(for: .character(":"), in: list) == .commandLine)
        #expect(map.action(for: .escape, in: [.methods, .list, .global]) == .back)
        #expect(map.action(for: .escape, in: [.search]) == .cancel)
        #expect(map.action(for: .escape, in: [.help]) == .closeHelp)
        #expect(map.action(for: .character("q"), in: [.search]) == nil, "q types in the search line")
    }

    @Test func readOnlyDropsEveryDestructiveBindingFromHelpAndHints() {
        let map = KeyMap(KeyMap.standard.bindings + [destructive])
        let scopes: [KeyScope] = [.methods, .list, .global]
        #expect(map.hints(in: scopes).contains { $0.description == "delete the method" })
        #expect(map.helpSections().flatMap(\.entries).contains { $0.isDestructive })
        #expect(map.action(for: .character("Z"), in: scopes) == .reload)

        let readOnly = map.readOnly()
        #expect(!readOnly.bindings.contains { $0.isDestructive })
        #expect(!readOnly.hints(in: scopes).contains { $0.description == "delete the method" })
        #expect(!readOnly.helpSections().flatMap(\.entries).contains { $0.isDestructive })
        #expect(readOnly.action(for: .character("Z"), in: scopes) == nil)
        #expect(readOnly.bindings.count == KeyMap.standard.bindings.filter { !$0.isDestructive }.count)
    }

    @Test func helpMergesTheKeysOfOneAction() {
        let lists = KeyMap.standard.entries(in: .list)
        let down = lists.first { $0.action == .moveDown }
        #expect(down?.keyLabel == "j, down")
        #expect(lists.first { $0.action == .pageDown }?.keyLabel == "PgDn, ctrl-f")
        let sections = KeyMap.standard.helpSections().map(\.scope)
        #expect(sections == [.global, .list, .users, .methods, .dialog, .result, .search, .command, .help, .tenantPicker])
    }

    @Test func hintsFollowTheActiveScopeInnermostFirst() {
        let users = KeyMap.standard.hints(in: [.users, .list, .global]).map(\.keyLabel)
        #expect(users == ["enter", "space", "R", "/", "tab", ":", "?", "q"])
        let users120 = KeyMap.standard.hints(in: [.users]).map(\.description)
        #expect(users120 == ["open", "mark", "reset MFA"])
        let search = KeyMap.standard.hints(in: [.search]).map(\.description)
        #expect(search == ["done", "close search", "clear search"])
    }

    @Test func theBulkScreenKeysAreScopesOfTheSameTable() {
        let map = KeyMap.standard
        #expect(map.action(for: .character(" "), in: [.bulkPolicy]) == .togglePolicy)
        #expect(map.action(for: .enter, in: [.bulkConfirm]) == .accept)
        #expect(map.action(for: .character("j"), in: [.bulkConfirm]) == nil, "j types in the confirmation")
        #expect(map.action(for: .character("t"), in: [.bulkSummary]) == .retryFailed)
        #expect(map.action(for: .character("p"), in: [.bulkRunning]) == .pause)
        #expect(map.helpSections(KeyScope.bulk).map(\.scope) == KeyScope.bulk)
        let summary = map.hints(in: [.bulkSummary]).map { "\($0.keyLabel) \($0.description)" }
        #expect(summary == ["t retry failed", "e export CSV and JSON", "esc back (done users unmarked)", "j down"])
    }

    @Test func readOnlyDropsRunningRetryingAndApprovingABulkJob() {
        let destructive = KeyMap.standard.bindings.filter { $0.isDestructive && KeyScope.bulk.contains($0.scope) }
        #expect(Set(destructive.map(\.action)) == [.accept, .retryFailed, .approveJob])
        let readOnly = KeyMap.standard.readOnly()
        #expect(readOnly.action(for: .enter, in: [.bulkConfirm]) == nil)
        #expect(readOnly.action(for: .character("t"), in: [.bulkSummary, .bulkJobs]) == nil)
        #expect(readOnly.action(for: .enter, in: [.bulkPlan]) == .accept, "the plan can still be reviewed")
    }
}
