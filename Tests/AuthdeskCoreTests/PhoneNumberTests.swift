import AuthdeskCore
import Testing

@Suite struct PhoneNumberTests {
    @Test(arguments: ["+1 2065555555", "+1 5555551234x123", "+44 2071234567", "+358 401234567"])
    func acceptsGraphFormat(_ text: String) throws {
        let number = try PhoneNumber(text)
        #expect(number.description == text)
    }

    @Test(arguments: [
        ("2065555555", "must start with +"),
        ("+12065555555", "exactly one space"),
        ("+1 206 555 5555", "exactly one space"),
        ("+1234 2065555555", "1 to 3 digits"),
        ("+1 206-555-5555", "4 to 15 digits"),
        ("+1 2065555555x", "extension"),
        ("+1 123", "4 to 15 digits"),
    ])
    func rejectsWithAReason(_ text: String, _ reason: String) {
        do {
            _ = try PhoneNumber(text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.message.contains(reason))
            #expect(error.message.contains("+1 2065555555"))
            #expect(error.field == "number")
        }
    }

    @Test func phoneTypesHaveGraphsFixedIDs() {
        #expect(PhoneType.mobile.methodID == "3179e48a-750b-4051-897c-87b9720928f7")
        #expect(PhoneType.alternateMobile.methodID == "b6332ec1-7057-4abe-9331-3d72feddfe41")
        #expect(PhoneType.office.methodID == "e37fc753-ff3b-4958-9484-eaa9425c82bc")
        #expect(PhoneType(methodID: "e37fc753-ff3b-4958-9484-eaa9425c82bc") == .office)
        #expect(PhoneType(methodID: "nope") == nil)
    }
}
