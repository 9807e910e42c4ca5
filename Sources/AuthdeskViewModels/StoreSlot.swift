/// The kinds of a view model's background work: a ``Store`` keeps one task per slot, and a new
/// task in a slot cancels the one before it.
protocol StoreSlot: Hashable, Sendable {
    /// Where the flash message's expiry waits.
    static var flash: Self { get }
}
