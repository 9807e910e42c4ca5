import AuthdeskCore
import AuthdeskViewModels

extension BrowserRenderer {
    /// The tenant picker, centred over the panes: one row per tenant with its name (in its
    /// colour), provider, domain, whether it is read-only and whether it is signed in yet.
    mutating func drawTenantPicker() {
        guard let picker = state.tenancy.picker else { return }
        let body = layout.body
        let tenants = state.tenancy.all
        let rows = tenants.map { tenant -> [String] in
            [
                tenant.name, tenant.provider.displayName, tenant.domain,
                (tenant.readOnly || state.readOnly && tenant.name == state.tenancy.current.name) ? "read-only" : "",
                tenant.name == state.tenancy.current.name ? "current" : state.tenancy.isSignedIn(tenant.name) ? "signed in" : "not signed in",
            ]
        }
        let headers = ["Tenant", "Provider", "Domain", "Access", "Session"]
        var widths = headers.indices.map { column in
            ([headers[column]] + rows.map { $0[column] }).map { text($0).width }.max() ?? 0
        }
        let gap = 2
        let natural = widths.reduce(0, +) + gap * (widths.count - 1) + 2
        let width = min(body.width - 4, max(natural + 4, 40))
        let inner = width - 4
        // The domain gives way when the room is short.
        let excess = widths.reduce(0, +) + gap * (widths.count - 1) + 2 - inner
        if excess > 0 { widths[2] = max(4, widths[2] - excess) }
        let height = min(body.height, tenants.count + 4)
        guard width > 12, height >= 4 else { return }
        let box = Rect(x: body.x + (body.width - width) / 2, y: body.y + max(0, (body.height - height) / 2), width: width, height: height)
        grid.fill(x: box.x, y: box.y, width: box.width, height: box.height, style: theme.text)
        drawBox(box, title: "Switch tenant", focused: true, footer: "\(picker.selected + 1)/\(tenants.count)")
        let left = box.x + 2
        func columnX(_ column: Int) -> Int { left + 2 + widths[..<column].reduce(0, +) + gap * column }
        for (column, header) in headers.enumerated() {
            put(header, at: columnX(column), box.y + 1, style: theme.header, width: widths[column])
        }
        let visible = height - 3
        let top = ListScroll.top(0, selected: picker.selected, rows: visible, count: tenants.count)
        for row in 0..<visible {
            let index = top + row
            guard rows.indices.contains(index) else { break }
            let y = box.y + 2 + row
            let selected = index == picker.selected
            let rowStyle = selected ? theme.selection : theme.text
            if selected {
                grid.fill(x: left, y: y, width: inner, height: 1, style: rowStyle)
                put(glyphs.selectionMarker, at: left, y, style: rowStyle)
            }
            for column in rows[index].indices {
                var style = rowStyle
                if column == 0, !selected, options.color,
                    let color = tenants[index].color.flatMap(TerminalColor.init(name:))
                {
                    style = CellStyle(foreground: color, bold: true)
                }
                if column == 3, !rows[index][column].isEmpty, !selected { style = theme.error }
                put(rows[index][column], at: columnX(column), y, style: style, width: widths[column])
            }
        }
    }
}
