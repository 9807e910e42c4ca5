import AuthdeskCore
import AuthdeskViewModels

/// The console's first frame, drawn before the tenants are open and signed in (``ConsoleStart``):
/// the browser's own layout with its panes empty, the users list saying what the start waits
/// for, and a sign-in prompt on the flash line when there is one.
extension BrowserRenderer {
    /// The starting frame at `width` x `height`: `phase` is what the start waits for.
    public static func renderStart(phase: String, note: String?, width: Int, height: Int, options: RenderOptions) -> CellGrid {
        let nobody = TenantInfo(name: "", provider: .graph, id: "", domain: "")
        var renderer = BrowserRenderer(state: BrowserState(tenant: nobody), width: width, height: height, options: options)
        renderer.drawStart(phase: phase, note: note)
        return renderer.grid
    }

    private mutating func drawStart(phase: String, note: String?) {
        guard grid.width > 0, grid.height > 0 else { return }
        if layout.isTooSmall {
            drawTooSmall()
            return
        }
        let waiting = phase + glyphs.ellipsis
        grid.fill(x: 0, y: layout.banner.y, width: layout.width, height: 1, style: theme.banner)
        put(" authdesk", at: 0, layout.banner.y, style: theme.banner, width: layout.width - 1)
        put("/", at: layout.search.x + 1, layout.search.y, style: theme.secondary)
        let status = "starting" + glyphs.ellipsis
        put(status, at: layout.width - text(status).width - 1, layout.search.y, style: theme.secondary)

        drawBox(layout.users, title: "Users", focused: true, footer: nil)
        let inner = layout.users.inner
        if inner.width > 4, inner.height > 1 {
            _ = drawUsersHeader(in: inner)
            drawMessage(
                waiting, style: theme.secondary,
                in: Rect(x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, height: inner.height - 1))
        }
        drawBox(layout.methods, title: "Methods", focused: false, footer: nil)
        drawBox(layout.details, title: "Details", focused: false, footer: nil)
        if let note { put(note, at: layout.flash.x + 1, layout.flash.y, style: theme.info, width: layout.width - 2) }
        var x = layout.hints.x + 1
        x += put("ctrl-c", at: x, layout.hints.y, style: theme.hintKey)
        put(" quit", at: x, layout.hints.y, style: theme.hintText)
    }
}
