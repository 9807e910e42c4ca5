/// One Auth0 brute-force protection block (`/user-blocks/{id}`): the identifier that was locked
/// out (an e-mail or username) and the address it was locked out from.
public struct BruteForceBlock: Sendable, Hashable, Codable {
    public var identifier: String
    public var ip: String?

    public init(identifier: String, ip: String?) {
        self.identifier = identifier
        self.ip = ip
    }
}
