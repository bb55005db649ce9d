import Foundation

/// The files this process reads, which it must never replace: every writer (`XLSXWriter`, and the dataset's CSV
/// files) asks here before it creates anything. Files are known by device and inode (the same file under
/// another name, a link, a relative path from another folder) and by their resolved absolute path (a file that
/// does not exist yet cannot collide by inode, but can by name).
///
/// ```swift
/// InputGuard.protect(["收件/a.xlsx", "收件/b.xlsx"])
/// try InputGuard.check(target: "收件/a.xlsx")   // throws WriteError.wouldReplaceInput
/// ```
public enum InputGuard {
    private struct Identity: Hashable { var device: UInt64; var inode: UInt64 }
    private static let lock = NSLock()
    nonisolated(unsafe) private static var identities: Set<Identity> = []
    nonisolated(unsafe) private static var paths: Set<String> = []

    /// Registers input files. Paths that do not exist are ignored (they cannot be replaced).
    public static func protect<S: Sequence>(_ files: S) where S.Element == String {
        var ids: [Identity] = [], resolved: [String] = []
        for file in files {
            var st = stat()
            guard stat(file, &st) == 0 else { continue }
            ids.append(Identity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino)))
            resolved.append(resolvedPath(file))
        }
        lock.lock(); defer { lock.unlock() }
        identities.formUnion(ids)
        paths.formUnion(resolved)
    }

    /// Forgets every registered input (tests, and long-lived processes between jobs).
    public static func reset() {
        lock.lock(); defer { lock.unlock() }
        identities = []
        paths = []
    }

    /// Throws `WriteError.wouldReplaceInput` when writing `target` would replace a registered input.
    public static func check(target: String) throws {
        lock.lock()
        let empty = identities.isEmpty && paths.isEmpty
        lock.unlock()
        if empty { return }
        var st = stat()
        var hit = false
        let resolved = resolvedPath(target)
        lock.lock()
        if stat(target, &st) == 0 { hit = identities.contains(Identity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))) }
        hit = hit || paths.contains(resolved)
        lock.unlock()
        if hit { throw WriteError.wouldReplaceInput(path: target) }
    }

    /// The absolute path with `.`, `..` and links of existing folders resolved.
    public static func resolvedPath(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let folder = url.deletingLastPathComponent().resolvingSymlinksInPath()
        return folder.appendingPathComponent(url.lastPathComponent).path
    }
}
