@testable import AuthdeskViewModels
import Testing

struct FlashStateTests {
    @Test func informationExpiresAndAnOldExpiryLeavesANewerMessage() {
        var flash = FlashState()
        let first = flash.show(.info, "one")
        #expect(first == 1)
        let second = flash.show(.error, "two")
        #expect(second == nil, "errors stay until the next key")
        flash.expire(1)
        #expect(flash.current?.text == "two")
        flash.clearError()
        #expect(flash.current == nil)
    }
}
