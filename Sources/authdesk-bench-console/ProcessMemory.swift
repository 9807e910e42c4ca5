import Foundation

/// This process's memory as Linux reports it in /proc/self/status.
struct ProcessMemory {
    /// Resident set size now, in kB (`VmRSS`).
    var residentKB: Int
    /// The highest resident set size so far, in kB (`VmHWM`).
    var peakKB: Int

    static func current() -> ProcessMemory {
        let text = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        func field(_ name: String) -> Int {
            for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
                let digits = line.dropFirst(name.count + 1).filter(\.isNumber)
                return Int(digits) ?? 0
            }
            return 0
        }
        return ProcessMemory(residentKB: field("VmRSS"), peakKB: field("VmHWM"))
    }

    var description: String {
        String(format: "VmRSS %.1f MB, VmHWM %.1f MB", Double(residentKB) / 1024, Double(peakKB) / 1024)
    }
}
