/// Where each part of the browser goes at a given terminal size.
///
/// Top to bottom: the tenant banner, the search line, the panes (users on the left; the
/// selected user's methods over the selected method's details on the right), the flash line
/// and the hint line. Works from 60x14 up; 80x24 is the size it is designed for.
public struct BrowserLayout: Sendable, Hashable {
    public static let minimumWidth = 60
    public static let minimumHeight = 14

    public let width: Int
    public let height: Int
    public let banner: Rect
    public let search: Rect
    /// Everything between the search line and the flash line (the help screen covers it).
    public let body: Rect
    public let users: Rect
    public let methods: Rect
    public let details: Rect
    public let flash: Rect
    public let hints: Rect

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
        banner = Rect(x: 0, y: 0, width: width, height: 1)
        search = Rect(x: 0, y: 1, width: width, height: 1)
        body = Rect(x: 0, y: 2, width: width, height: height - 4)
        flash = Rect(x: 0, y: height - 2, width: width, height: 1)
        hints = Rect(x: 0, y: height - 1, width: width, height: 1)
        let usersWidth = max(34, width * 9 / 20)
        users = Rect(x: 0, y: body.y, width: usersWidth, height: body.height)
        let rightWidth = width - usersWidth
        let methodsHeight = max(4, body.height / 2)
        methods = Rect(x: usersWidth, y: body.y, width: rightWidth, height: methodsHeight)
        details = Rect(x: usersWidth, y: body.y + methodsHeight, width: rightWidth, height: body.height - methodsHeight)
    }

    /// Too small to lay out: the screen then just says how big it needs to be.
    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    /// Visible rows of the users list (inside the box, under the column header).
    public var usersRows: Int { max(1, users.height - 3) }

    /// Visible rows of the methods list.
    public var methodsRows: Int { max(1, methods.height - 2) }
}
