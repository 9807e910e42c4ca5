@testable import AuthdeskViewModels
import Testing

struct CommandLineStateTests {
    @Test func takingTheLineCollapsesSpacesAndEmptiesIt() {
        var line = CommandLineState(text: "  tenant   fabrikam ")
        let taken = line.take()
        #expect(taken == "tenant fabrikam")
        #expect(line.text.isEmpty)
        let deleted = line.deleteBackward()
        #expect(!deleted, "nothing left: the line closes")
    }
}
