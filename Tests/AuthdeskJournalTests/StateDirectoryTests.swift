import AuthdeskJournal
import Foundation
import Testing

@Suite struct StateDirectoryTests {
    @Test func authdeskStateDirWins() throws {
        let dir = try StateDirectory(environment: [
            "AUTHDESK_STATE_DIR": "/srv/authdesk", "XDG_STATE_HOME": "/xdg", "HOME": "/home/op",
        ])
        #expect(dir.url.path == "/srv/authdesk")
        #expect(dir.journalURL.path == "/srv/authdesk/journal.sqlite")
    }

    @Test func tildeInTheOverrideMeansHome() throws {
        let dir = try StateDirectory(environment: ["AUTHDESK_STATE_DIR": "~/state", "HOME": "/home/op"])
        #expect(dir.url.path == "/home/op/state")
    }

    @Test func xdgStateHomeComesNext() throws {
        let dir = try StateDirectory(environment: ["AUTHDESK_STATE_DIR": "", "XDG_STATE_HOME": "/xdg", "HOME": "/home/op"])
        #expect(dir.url.path == "/xdg/authdesk")
    }

    @Test func homeIsTheFallbackAndARelativeXDGIsIgnored() throws {
        let dir = try StateDirectory(environment: ["XDG_STATE_HOME": "relative", "HOME": "/home/op"])
        #expect(dir.url.path == "/home/op/.local/state/authdesk")
    }

    @Test func aRelativeOverrideOrNoHomeIsAClearError() {
        let relative = #expect(throws: StateDirectoryError.self) {
            try StateDirectory(environment: ["AUTHDESK_STATE_DIR": "state", "HOME": "/home/op"])
        }
        #expect(relative?.description.contains("absolute") == true)
        let none = #expect(throws: StateDirectoryError.self) { try StateDirectory(environment: [:]) }
        #expect(none == .noHome)
    }

    @Test func createMakesAPrivateDirectory() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("authdesk-sd-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let dir = StateDirectory(url: base.appendingPathComponent("a/b"))
        try dir.create()
        let attributes = try FileManager.default.attributesOfItem(atPath: dir.url.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
    }
}
