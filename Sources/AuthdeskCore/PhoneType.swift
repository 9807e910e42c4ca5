/// Graph's phone slot: each user has at most one phone of each type, at a fixed method id.
public enum PhoneType: String, Sendable, Hashable, Codable, CaseIterable {
    case mobile
    case alternateMobile
    case office

    /// The fixed method id Graph gives the phone of this type.
    public var methodID: String {
        switch self {
        case .mobile: "3179e48a-750b-4051-897c-87b9720928f7"
        case .alternateMobile: "b6332ec1-7057-4abe-9331-3d72feddfe41"
        case .office: "e37fc753-ff3b-4958-9484-eaa9425c82bc"
        }
    }

    public var displayName: String {
        switch self {
        case .mobile: "Mobile phone"
        case .alternateMobile: "Alternate mobile phone"
        case .office: "Office phone"
        }
    }

    /// The type whose fixed method id this is, if any.
    public init?(methodID: String) {
        guard let match = PhoneType.allCases.first(where: { $0.methodID == methodID }) else { return nil }
        self = match
    }
}
