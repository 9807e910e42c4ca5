import Foundation

/// Where authdesk keeps its journal and job records: `$AUTHDESK_STATE_DIR`, else
/// `$XDG_STATE_HOME/authdesk`, else `~/.local/state/authdesk`, resolved from an environment
/// dictionary so that tests and the executable agree without touching the process's own.
public struct StateDirectory: Sendable, Hashable, CustomStringConvertible {
    /// The directory, absolute.
    public var url: URL

    public init(url: URL) {
        self.url = url
    }

    /// Resolves the directory from `environment` (the process's by default). Empty variables
    /// count as unset, and XDG's rule that relative paths are ignored is honoured.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws(StateDirectoryError) {
        func value(_ name: String) -> String? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            return text
        }
        if let explicit = value("AUTHDESK_STATE_DIR") {
            let expanded = Self.expandTilde(explicit, home: value("HOME"))
            guard expanded.hasPrefix("/") else { throw .relativePath(variable: "AUTHDESK_STATE_DIR", value: explicit) }
            self.init(url: URL(fileURLWithPath: expanded, isDirectory: true))
        } else if let xdg = value("XDG_STATE_HOME"), xdg.hasPrefix("/") {
            self.init(url: URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("authdesk", isDirectory: true))
        } else if let home = value("HOME"), home.hasPrefix("/") {
            self.init(url: URL(fileURLWithPath: home, isDirectory: true)
                .appendingPathComponent(".local/state/authdesk", isDirectory: true))
        } else {
            throw .noHome
        }
    }

    /// The journal's database file in this directory.
    public var journalURL: URL { url.appendingPathComponent("journal.sqlite", isDirectory: false) }

    /// Creates the directory (and its parents) if missing, readable by its owner only.
    public func create() throws(StateDirectoryError) {
        do {
            try FileManager.default.createDirectory(
                at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotCreate(path: url.path, reason: error.localizedDescription)
        }
    }

    public var description: String { url.path }

    static func expandTilde(_ path: String, home: String?) -> String {
        guard let home, path == "~" || path.hasPrefix("~/") else { return path }
        return home + path.dropFirst()
    }
}
