import AuthdeskWorkflows

/// The console's `:whoami` screen: the same lines `authdesk whoami` prints for the current
/// tenant (who is signed in, roles, permissions, each action allowed or refused and why), shown
/// in the help overlay and scrolled and closed with its keys.
public struct WhoamiScreen: Sendable, Equatable {
    public var lines: [String]

    public init(lines: [String]) {
        self.lines = lines
    }

    /// While the sign-in of `tenant` is read.
    static func reading(_ tenant: String) -> WhoamiScreen {
        WhoamiScreen(lines: ["Reading who is signed in to \(tenant)…"])
    }

    /// What `whoami` says, as the command line's table.
    static func of(_ whoami: Whoami) -> WhoamiScreen {
        WhoamiScreen(lines: WhoamiReport.render([whoami], .table).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init))
    }
}

extension BrowserState {
    /// `:whoami`: opens the overlay on the current tenant and asks for its sign-in.
    mutating func openWhoami() -> [BrowserEffect] {
        whoami = .reading(tenancy.current.name)
        help.open()
        input = nil
        return [.loadWhoami(tenant: tenancy.current.name)]
    }

    /// The sign-in was read (or could not be): shown if the overlay is still open.
    mutating func whoamiAnswered(_ lines: [String]) -> [BrowserEffect] {
        if whoami != nil, help.isShown { whoami = WhoamiScreen(lines: lines) }
        return []
    }
}

extension BrowserViewModel {
    /// Reads what the sign-in of `tenant` may do; only a session opened as a ``Workspace``
    /// knows its profiles.
    func loadWhoami(_ tenant: String) {
        guard let workspace = directory as? Workspace else {
            send(.whoamiAnswered(["This console was not opened on a workspace: run authdesk whoami"]))
            return
        }
        spawn(.whoami) { [self] in
            do {
                let whoami = try await Whoami.read(tenant, in: workspace)
                send(.whoamiAnswered(WhoamiScreen.of(whoami).lines))
            } catch {
                send(.whoamiAnswered(["Could not read who is signed in to \(tenant): \(error)"]))
            }
        }
    }
}
