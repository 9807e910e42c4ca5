import AuthdeskCore
@testable import AuthdeskViewModels
import Testing

struct MethodsPaneTests {
    @Test func anAnswerForAnotherUserOrAnOlderRequestIsDropped() {
        var pane = MethodsPane()
        let effect = pane.load(for: Fixtures.alice, settle: true)
        #expect(effect == .loadMethods(userID: Fixtures.alice.id, generation: 1, settle: true))
        let accepted = pane.answered(generation: 0, userID: Fixtures.alice.id, .success(Fixtures.aliceMethods))
        #expect(!accepted)
        let accepted2 = pane.answered(generation: 1, userID: Fixtures.bob.id, .success(Fixtures.bobMethods))
        #expect(!accepted2)
        let accepted3 = pane.answered(generation: 1, userID: Fixtures.alice.id, .success(Fixtures.aliceMethods))
        #expect(accepted3)
        #expect(pane.methods == .loaded(userID: Fixtures.alice.id, methods: Fixtures.aliceMethods))
    }

    @Test func aReloadKeepsTheSelection() {
        var pane = MethodsPane()
        _ = pane.load(for: Fixtures.alice, settle: false)
        _ = pane.answered(generation: 1, userID: Fixtures.alice.id, .success(Fixtures.aliceMethods))
        pane.move(by: 1)
        #expect(pane.current == Fixtures.aliceMethods[1])
        _ = pane.reload(for: Fixtures.alice)
        #expect(pane.selected == 1)
        #expect(pane.methods == .loading(userID: Fixtures.alice.id))
    }
}
