import Foundation

/// The folder every scratch file of this test process is made in: one per process, removed when the process exits,
/// so a test run leaves nothing behind in the system's temporary folder (it left about 2,000 folders a run before).
/// A test that crashes the process leaves its root; the next process with the same id reuses and removes it.
public let scratchRoot: URL = {
    let root = rootForThisProcess()
    try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: rootForThisProcess()) }
    return root
}()

private func rootForThisProcess() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("goalbridge-tests-\(getpid())")
}

/// A new empty folder under `scratchRoot`, named `prefix` and a UUID.
///
///     let dir = newScratchFolder("gb-dataset")   // …/goalbridge-tests-4242/gb-dataset-3F2A…
public func newScratchFolder(_ prefix: String) -> URL {
    let dir = scratchRoot.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

/// A path for a file that does not exist yet under `scratchRoot`: `prefix`, a UUID and `suffix` (such as `.xlsx`).
public func newScratchPath(_ prefix: String, suffix: String) -> String {
    _ = scratchRoot
    return scratchRoot.appendingPathComponent("\(prefix)-\(UUID().uuidString)\(suffix)").path
}
