/// One fact of an account, for both front ends: the machine key and value (`--output json|csv`),
/// the label and text an operator reads (the details pane, the table).
public struct AccountFact: Sendable, Hashable {
    /// camelCase, stable: the JSON and CSV key.
    public var key: String
    public var label: String
    /// What the operator reads (`blocked`, `not available (licence: ...)`).
    public var text: String
    /// What a script reads: `true`/`false`, ISO 8601 times, names; nil when not available.
    public var value: String?

    public init(_ key: String, _ label: String, _ text: String, value: String?) {
        self.key = key
        self.label = label
        self.text = text
        self.value = value
    }
}
