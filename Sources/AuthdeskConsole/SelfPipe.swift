import Glibc
import Synchronization

/// A pipe the console's poll(2) watches beside the terminal: view-model events and signal
/// handlers write a byte to wake it. Both ends are non-blocking; a full pipe already means
/// "wake up", so a failed write loses nothing.
final class SelfPipe: Sendable {
    /// Written when the view model published a new state.
    static let stateChanged: UInt8 = 0x53
    /// Written by the SIGWINCH handler (see the shim).
    static let windowChanged: UInt8 = 0x57

    let readEnd: Int32
    let writeEnd: Int32
    /// Set by ``close()``; a late wake from a task must not write to a closed (or reused) fd.
    private let isClosed = Mutex(false)

    init() throws(ConsoleError) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw .system("pipe", errno: errno) }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readEnd = fds[0]
        writeEnd = fds[1]
    }

    /// Wakes the reader; safe from any thread.
    func wake(_ byte: UInt8 = SelfPipe.stateChanged) {
        isClosed.withLock { closed in
            guard !closed else { return }
            var byte = byte
            _ = write(writeEnd, &byte, 1)
        }
    }

    /// Everything written since the last drain.
    func drain() -> [UInt8] {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let n = read(readEnd, &buffer, buffer.count)
            guard n > 0 else { break }
            out += buffer[0..<n]
        }
        return out
    }

    func close() {
        isClosed.withLock { closed in
            guard !closed else { return }
            closed = true
            _ = Glibc.close(readEnd)
            _ = Glibc.close(writeEnd)
        }
    }
}
