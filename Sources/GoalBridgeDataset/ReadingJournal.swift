import Foundation

/// Which file each reading thread of `collect` is working on, kept in a small file beside the dataset
/// (`DATASET-reading`) so that another process can tell, after this one ended abnormally (a trap, an
/// out-of-memory kill), which files were being read at that moment. `goalbridge collect` runs the collection in a
/// child process, and its parent uses this to find the file that took the child down (`CollectSupervisor`).
///
/// One slot of `slotBytes` per reading batch in progress; a path is written into its slot before each step of
/// a file's work and the slot is cleared when the batch ends. Writes are `pwrite`s into the file (no fsync: the
/// page cache outlives the process, which is all that is needed).
public final class ReadingJournal: @unchecked Sendable {
    public static let slotCount = 64
    public static let slotBytes = 4096
    private let fd: Int32
    private let lock = NSLock()
    private var free: [Int]

    /// The journal's file for a dataset.
    public static func path(forDataset dataset: String) -> String { dataset + "-reading" }

    /// Creates (or empties) the journal at `path`.
    public init(path: String) throws {
        fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        guard ftruncate(fd, off_t(ReadingJournal.slotCount * ReadingJournal.slotBytes)) == 0 else {
            close(fd)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        free = Array((0..<ReadingJournal.slotCount).reversed())
    }

    deinit { close(fd) }

    /// A slot for one batch, or nil when all are taken (the batch is then not journaled).
    func claim() -> Int? {
        lock.lock(); defer { lock.unlock() }
        return free.popLast()
    }

    func release(_ slot: Int) {
        mark(slot, nil)
        lock.lock(); defer { lock.unlock() }
        free.append(slot)
    }

    /// Records that the batch in `slot` is now working on `path` (nil: on nothing).
    func mark(_ slot: Int, _ path: String?) {
        var bytes = Array((path ?? "").utf8.prefix(ReadingJournal.slotBytes - 1))
        bytes.append(0)
        _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(slot * ReadingJournal.slotBytes)) }
    }

    /// The files being read when the journal at `path` was last written (the suspects after a crash).
    public static func inFlight(path: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        var out: [String] = []
        for slot in 0..<(data.count / slotBytes) {
            let record = data[(slot * slotBytes)..<((slot + 1) * slotBytes)]
            let end = record.firstIndex(of: 0) ?? record.endIndex
            if end > record.startIndex { out.append(String(decoding: record[record.startIndex..<end], as: UTF8.self)) }
        }
        return out
    }
}

/// Test-only fault injection: with `GOALBRIDGE_TEST_TRAP_ON=TEXT` in the environment, reading a file whose name
/// contains TEXT ends the process as a reader defect would (a trap). Proves that a batch survives one.
enum FaultInjection {
    static let trapOn: String? = ProcessInfo.processInfo.environment["GOALBRIDGE_TEST_TRAP_ON"].flatMap { $0.isEmpty ? nil : $0 }

    @inline(__always)
    static func check(_ path: String) {
        guard let trapOn, (path as NSString).lastPathComponent.contains(trapOn) else { return }
        fatalError("GOALBRIDGE_TEST_TRAP_ON: simulated reader defect on \(path)")
    }
}
