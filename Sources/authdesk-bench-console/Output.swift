import Foundation

/// Lines of figures written straight to standard output, unbuffered, so that a run piped to a
/// file or `tee` shows each figure as soon as it is known.
enum Output {
    static func line(_ text: String = "") {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
