import CNcursesw
import Foundation
import Glibc
import Synchronization

/// A pseudo-terminal for running a real curses session inside a test: the session gets the
/// slave side; the test types into the master side and reads everything the session wrote.
///
/// A reader thread drains the master (so the session never blocks on a full terminal) and
/// owns it: ``hangUp()`` asks that thread to close it, since closing an fd under a blocked
/// read would not release it.
final class PseudoTerminal: Sendable {
    let master: Int32
    let slave: Int32
    private let wake: [Int32]
    private let output = Mutex<[UInt8]>([])
    private let slaveOpen = Mutex(true)
    private let hungUp = Mutex(false)
    private let changed = Condition()

    init(rows: Int32 = 24, columns: Int32 = 80) throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        guard authdesk_open_pty(&master, &slave) == 0 else { throw POSIXError(.ENODEV) }
        _ = authdesk_set_terminal_size(slave, rows, columns)
        var wake: [Int32] = [-1, -1]
        guard pipe(&wake) == 0 else { throw POSIXError(.EMFILE) }
        self.master = master
        self.slave = slave
        self.wake = wake
        Thread { [self] in readUntilHangUp() }.start()
    }

    /// Everything the session has written so far, as text.
    var text: String {
        output.withLock { String(decoding: $0, as: UTF8.self) }
    }

    /// Types `keys` at the terminal.
    func type(_ keys: String) {
        let bytes = Array(keys.utf8)
        _ = bytes.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
    }

    /// Returns true once the session's output contains `needle` (false if it never does).
    func waitForOutput(containing needle: String) async -> Bool {
        await changed.wait { [self] in text.contains(needle) }
    }

    /// Returns true once `isMet` holds, checked whenever the session writes something (a
    /// change of state shows as output). False if it never does.
    func waitUntil(_ isMet: @escaping @Sendable () -> Bool) async -> Bool {
        await changed.wait(until: isMet)
    }

    /// Hangs up: the master closes and the session sees the terminal go away.
    func hangUp() {
        hungUp.withLock { done in
            guard !done else { return }
            done = true
            var byte: UInt8 = 1
            _ = write(wake[1], &byte, 1)
        }
    }

    deinit {
        close(wake[0])
        close(wake[1])
    }

    /// Closes the test's own copy of the slave side.
    func closeSlave() {
        slaveOpen.withLock { open in
            if open { close(slave) }
            open = false
        }
    }

    private func readUntilHangUp() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        loop: while true {
            var fds = [
                pollfd(fd: master, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wake[0], events: Int16(POLLIN), revents: 0),
            ]
            guard poll(&fds, 2, -1) >= 0 || errno == EINTR else { break }
            if fds[1].revents != 0 { break }
            if fds[0].revents != 0 {
                let n = buffer.withUnsafeMutableBufferPointer { read(master, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break loop }
                output.withLock { $0 += buffer[0..<n] }
                changed.signal()
            }
        }
        close(master)
        changed.signal()
    }
}
