import AuthdeskCore
import AuthdeskServices
import Foundation

/// Checks of input made before anything starts or is sent, shared by the command line and the
/// console's dialogs; each failure says what would be valid.
public enum InputCheck {
    /// `+{country code} {number}[x{extension}]`, as Graph accepts it.
    public static func phoneNumber(_ text: String) throws(UsageError) -> PhoneNumber {
        do {
            return try PhoneNumber(text.trimmingCharacters(in: .whitespaces))
        } catch {
            throw UsageError(error.message)
        }
    }

    /// The shape `name@domain.tld`: one @, a dotted domain, no spaces, commas or semicolons.
    public static func emailAddress(_ text: String) throws(UsageError) {
        if let problem = emailProblem(text) { throw UsageError(problem) }
    }

    /// Why `text` is not an e-mail address, or nil when it is one.
    public static func emailProblem(_ text: String) -> String? {
        let address = text.trimmingCharacters(in: .whitespaces)
        if address.isEmpty { return "An address is needed: use name@domain.tld" }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !parts[1].contains(".."),
            !address.contains(where: { $0.isWhitespace || $0 == "," || $0 == ";" })
        else {
            return "'\(text)' is not an e-mail address: use name@domain.tld"
        }
        return nil
    }

    /// An ISO 8601 date and time with its zone: `2026-12-01T09:00:00Z` or `2026-12-01T10:00:00+01:00`,
    /// fractional seconds allowed.
    public static func dateTime(_ text: String, option: String) throws(UsageError) -> Date {
        if let date = isoTime(text) { return date }
        throw UsageError(
            "\(option) '\(text)' is not an ISO 8601 date and time: use e.g. 2026-12-01T09:00:00Z or 2026-12-01T10:00:00+01:00")
    }

    /// A Temporary Access Pass request: a lifetime of 10 to 43200 minutes, usable once or not
    /// said, a start in ISO 8601 with its zone (nil: now). Unset values leave the tenant's policy to decide.
    public static func temporaryAccessPass(
        lifetimeMinutes: Int?, usableOnce: Bool, start: String?
    ) throws(UsageError) -> TemporaryAccessPassRequest {
        if let lifetimeMinutes, !TemporaryAccessPassRequest.lifetimeRange.contains(lifetimeMinutes) {
            throw UsageError("--lifetime-minutes must be 10 to 43200 (30 days), not \(lifetimeMinutes)")
        }
        return TemporaryAccessPassRequest(
            lifetimeInMinutes: lifetimeMinutes, isUsableOnce: usableOnce ? true : nil,
            startDateTime: try start.map { text throws(UsageError) in try dateTime(text, option: "--start") })
    }

    /// A new password read from standard input: present, one line.
    public static func newPassword(_ line: String?) throws(UsageError) -> String {
        guard let line, !line.isEmpty else {
            throw UsageError(
                "--password-stdin: standard input held no password; give it as one line of 8 to 256 characters "
                    + "with three of upper case, lower case, digits and symbols")
        }
        return line
    }

    /// `text` as an ISO 8601 time with a zone, fractions allowed; nil when it is not one.
    public static func isoTime(_ text: String) -> Date? {
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds]] {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = options
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
