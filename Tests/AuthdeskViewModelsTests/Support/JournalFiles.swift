import Foundation

/// Every byte of every file under a directory (the SQLite database, its WAL and shared memory
/// included), for tests that look for a secret anywhere on disk.
enum JournalFiles {
    static func bytes(in directory: URL) throws -> Data {
        var all = Data()
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                all.append(try Data(contentsOf: url))
            }
        }
        return all
    }
}
