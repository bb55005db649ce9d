import Foundation

/// Where an output file is written before it is renamed into place (atomic outputs): beside the target, hidden,
/// named after it, the process and a random number, so that two writers never share one.
public enum TemporaryFile {
    /// A fresh temporary path in the target's folder (same file system, so the final rename is atomic).
    ///
    ///     TemporaryFile.path(beside: "/out/汇总.xlsx")   // "/out/.汇总.xlsx.4242.3141592653.tmp"
    public static func path(beside target: String) -> String {
        let url = URL(fileURLWithPath: target)
        return url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
    }
}
