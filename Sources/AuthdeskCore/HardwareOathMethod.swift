/// A hardware OATH token assigned to the user (Graph beta).
public struct HardwareOathMethod: Sendable, Hashable {
    public var id: String
    public var displayName: String?
    public var serialNumber: String?
    public var manufacturer: String?
    public var model: String?
    /// The device's status (`activated`, `assigned`, `available`, ...), as the service says it.
    public var status: String?

    public init(
        id: String, displayName: String? = nil, serialNumber: String? = nil,
        manufacturer: String? = nil, model: String? = nil, status: String? = nil
    ) {
        self.id = id
        self.displayName = displayName
        self.serialNumber = serialNumber
        self.manufacturer = manufacturer
        self.model = model
        self.status = status
    }
}
