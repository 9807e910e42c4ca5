/// A method of a type this version does not know: shown as the service named it, never dropped.
public struct UnknownMethod: Sendable, Hashable {
    public var id: String
    /// The service's type name (`#microsoft.graph.someNewMethod`, or an Auth0 type).
    public var typeName: String
    /// The plain string and number fields the service sent, by name.
    public var fields: [String: String]

    public init(id: String, typeName: String, fields: [String: String] = [:]) {
        self.id = id
        self.typeName = typeName
        self.fields = fields
    }
}
