import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP server on 127.0.0.1 that misbehaves on purpose, for the failures a loader must report
/// as URLSession would: `.hang` accepts and never answers; `.drop` reads the request and closes
/// the connection without a word. Stopped by ``stop()``.
final class RawSocketServer: @unchecked Sendable {
    enum Behaviour { case hang, drop }

    let port: Int
    private let listener: Int32
    private let behaviour: Behaviour
    private let lock = NSLock()
    private var accepted: [Int32] = []
    private var stopped = false

    init(_ behaviour: Behaviour) throws {
        self.behaviour = behaviour
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) }
        }
        guard bound == 0, listen(listener, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    /// A port nothing listens on: bound, then closed.
    static func closedPort() -> Int {
        guard let server = try? RawSocketServer(.hang) else { return 9 }
        server.stop()
        return server.port
    }

    private func serve() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            switch behaviour {
            case .hang:
                lock.withLock { accepted.append(connection) }
            case .drop:
                var buffer = [UInt8](repeating: 0, count: 4096)
                _ = read(connection, &buffer, buffer.count)
                close(connection)
            }
        }
    }

    func stop() {
        let toClose: [Int32] = lock.withLock {
            guard !stopped else { return [] }
            stopped = true
            return accepted + [listener]
        }
        for descriptor in toClose {
            shutdown(descriptor, Int32(SHUT_RDWR))
            close(descriptor)
        }
    }

    deinit { stop() }
}
