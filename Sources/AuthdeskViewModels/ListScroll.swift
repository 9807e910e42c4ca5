/// Scrolling a list pane so that its selection stays in view (the users, the methods, the
/// bulk screen's jobs).
public enum ListScroll {
    /// The first visible row that keeps `selected` in view, moving as little as possible.
    public static func top(_ top: Int, selected: Int, rows: Int, count: Int) -> Int {
        let rows = max(1, rows)
        var top = clamped(top, 0, max(0, count - rows))
        if selected < top { top = selected }
        if selected >= top + rows { top = selected - rows + 1 }
        return max(0, top)
    }
}

/// `value` within `low...high` (`low` when the range is empty).
func clamped(_ value: Int, _ low: Int, _ high: Int) -> Int {
    min(max(value, low), max(low, high))
}
