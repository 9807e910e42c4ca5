import AuthdeskCore
import AuthdeskJournal
import Testing

@Suite struct SecretScrubberTests {
    let scrubber = SecretScrubber()

    @Test(arguments: [
        ("password: Hunter2", "password: <redacted>"),
        ("Password=abc", "Password=<redacted>"),
        ("new pass is Xy7$kk99", "new pass is <redacted>"),
        ("TAP: 8fK2#abc", "TAP: <redacted>"),
        ("client_secret=Zm9vYmFy", "client_secret=<redacted>"),
        ("Authorization: Bearer abc.def.ghi", "Authorization: Bearer <redacted>"),
        ("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig", "token <redacted>"),
        ("his password Hunter2!", "his password <redacted>"),
    ])
    func secretsAreMasked(input: String, expected: String) {
        let result = scrubber.scrub(input)
        #expect(result.text == expected)
        #expect(result.redacted)
    }

    @Test(arguments: [
        "password reset requested by phone",
        "token is expired",
        "Hardware OATH token hw-1",
        "pass issued for 60 minutes",
        "INC-1234",
    ])
    func proseIsLeftAlone(input: String) {
        let result = scrubber.scrub(input)
        #expect(result.text == input)
        #expect(!result.redacted)
    }

    @Test func knownSecretsGoEverywhereButShortOnesAreIgnored() {
        let scrubber = SecretScrubber(known: [Secret("abc"), Secret("Lp9!qq")])
        #expect(scrubber.scrubKnown("abc Lp9!qq").text == "abc <redacted>")
    }
}
