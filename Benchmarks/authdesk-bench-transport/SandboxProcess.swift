import Foundation

/// `authdesk sandbox serve` as a child process on an ephemeral port, with the endpoints and the
/// `contoso` application's credentials from its first line.
final class SandboxProcess {
    let process = Process()
    let authority: URL
    let graph: URL
    let tenantID: String
    let clientID: String
    let clientSecret: String

    /// - Parameter throttling: false serves without Graph's read budget (3,500 units in 10 s: 175
    ///   method lists a second), which would otherwise be what is measured.
    init(binary: String, latencyMs: Int, users: Int, throttling: Bool) throws {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw BenchFailure("\(binary) is not an executable; build it: scripts/build-release authdesk (or give --authdesk PATH)")
        }
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["sandbox", "serve", "--port", "0", "--latency-ms", String(latencyMs), "--users", String(users)]
            + (throttling ? [] : ["--no-throttling"])
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        guard let json = try JSONSerialization.jsonObject(with: line) as? [String: Any],
              let authority = (json["authority"] as? String).flatMap(URL.init(string:)),
              let graph = (json["graph"] as? String).flatMap(URL.init(string:)),
              let tenant = (json["tenants"] as? [[String: Any]])?.first(where: { $0["name"] as? String == "contoso" }),
              let id = tenant["id"] as? String, let clientID = tenant["clientId"] as? String,
              let secret = tenant["clientSecret"] as? String
        else {
            process.terminate()
            throw BenchFailure("authdesk sandbox serve did not print its endpoints")
        }
        self.authority = authority
        self.graph = graph
        tenantID = id
        self.clientID = clientID
        clientSecret = secret
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}
