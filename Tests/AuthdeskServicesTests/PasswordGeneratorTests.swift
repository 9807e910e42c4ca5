import Testing
@testable import AuthdeskServices

@Suite struct PasswordGeneratorTests {
    @Test func hasTheLengthAndEveryClass() {
        for length in [4, 8, 16, 40] {
            let password = PasswordGenerator.generate(length: length)
            #expect(password.count == max(length, 8))
            #expect(password.contains { $0.isUppercase })
            #expect(password.contains { $0.isLowercase })
            #expect(password.contains { $0.isNumber })
            #expect(password.contains(where: { PasswordGenerator.symbols.contains($0) }))
        }
    }

    @Test func differsEachTime() {
        let passwords = Set((1...20).map { _ in PasswordGenerator.generate() })
        #expect(passwords.count == 20)
    }
}
