@testable import AuthdeskCommandLineIO
import Testing

/// A secret read from standard input keeps every character but the line's own ending.
@Suite struct SecretInputTests {
    @Test func aCarriageReturnLeftByAWindowsTerminalIsDropped() {
        #expect(SecretInput.clean("Correct-Horse-7\r") == "Correct-Horse-7")
        #expect(SecretInput.clean("  spaced \tpass ") == "  spaced \tpass ")
        #expect(SecretInput.clean("") == "")
        #expect(SecretInput.clean(nil) == nil)
    }
}
