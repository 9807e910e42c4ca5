import AuthdeskWorkflows
import Foundation

/// A home and a state directory of their own for each test, so that a workspace opens the
/// embedded sandbox (no configuration) and journals into a folder the test reads and removes.
struct WorkflowHarness {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("authdesk-workflows-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    var environment: [String: String] {
        ["HOME": root.path, "AUTHDESK_STATE_DIR": root.appendingPathComponent("state").path]
    }

    func options(
        profiles: [String] = [], readOnly: Bool = false, audit: Bool = false, asApplication: Bool = false
    ) -> WorkspaceOptions {
        WorkspaceOptions(
            profiles: profiles, readOnly: readOnly, audit: audit, ticket: audit ? "INC-42" : nil,
            embeddedAsApplication: asApplication, environment: environment)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}
