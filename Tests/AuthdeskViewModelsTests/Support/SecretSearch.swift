/// Whether any string anywhere inside `value` (private stored properties included, as
/// reflection sees them) contains `needle`: proves a secret is gone from a state.
func reflectedStrings(of value: Any, contain needle: String) -> Bool {
    if let string = value as? String { return string.contains(needle) }
    for child in Mirror(reflecting: value).children {
        if reflectedStrings(of: child.value, contain: needle) { return true }
    }
    return false
}
