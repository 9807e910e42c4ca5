/// A software OATH (TOTP) token; its secret is never readable.
public struct SoftwareOathMethod: Sendable, Hashable {
    public var id: String

    public init(id: String) {
        self.id = id
    }
}
