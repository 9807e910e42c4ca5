/// A screen's state as a value changed only by a pure reducer: ``Store`` holds it, applies its
/// events, publishes it and runs the effects it asks for.
public protocol StoreState: Sendable, Equatable {
    associatedtype Event: Sendable
    associatedtype Effect: Sendable

    /// Applies one event and returns the work it calls for.
    mutating func apply(_ event: Event) -> [Effect]
    /// Increases with every published change; consumers keep the highest they have seen.
    var revision: UInt64 { get set }
}
