/// One labelled fact about a method, as the details pane shows it ("Number", "+1 2065555555").
public struct MethodDetail: Sendable, Hashable {
    public var label: String
    public var value: String

    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}
