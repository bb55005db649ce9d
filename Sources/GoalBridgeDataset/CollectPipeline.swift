import Foundation

/// Hands batches of files out to the reading threads and gives their results to the one storing thread in
/// input order. Reading never waits for a chunk boundary (a thread that finishes a batch takes the next one),
/// and never runs more than `window` batches ahead of storing, so memory stays flat however many files there are.
final class CollectPipeline<Result>: @unchecked Sendable {
    private let condition = NSCondition()
    private let batchCount: Int
    private let window: Int
    private var nextToRead = 0
    private var nextToStore = 0
    private var ready: [Int: Result] = [:]
    private var stopped = false

    init(batchCount: Int, window: Int) {
        self.batchCount = batchCount
        self.window = max(window, 1)
    }

    /// The next batch to read; nil once every batch is handed out or the pipeline has stopped.
    /// Waits while reading is `window` batches ahead of storing; with `waiting` false, returns nil then instead
    /// (the storing thread reads too, and must not wait for itself).
    func take(waiting: Bool = true) -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while waiting && !stopped && nextToRead < batchCount && nextToRead >= nextToStore + window { condition.wait() }
        guard !stopped, nextToRead < batchCount, nextToRead < nextToStore + window else { return nil }
        nextToRead += 1
        return nextToRead - 1
    }

    /// A batch's results, from a reading thread.
    func deliver(_ batch: Int, _ result: Result) {
        condition.lock()
        ready[batch] = result
        condition.broadcast()
        condition.unlock()
    }

    /// The next `count` batches in order (fewer at the end), once all of them are read; empty when none are left.
    /// With `waiting` false, nil when they are not all read yet.
    func next(_ count: Int, waiting: Bool = true) -> [Result]? {
        condition.lock()
        defer { condition.unlock() }
        let end = min(nextToStore + max(count, 1), batchCount)
        func allRead() -> Bool { (nextToStore..<end).allSatisfy { ready[$0] != nil } }
        if !waiting && !stopped && !allRead() { return nil }
        while !stopped && !allRead() { condition.wait() }
        guard !stopped else { return [] }
        let results = (nextToStore..<end).map { ready.removeValue(forKey: $0)! }
        nextToStore = end
        condition.broadcast()
        return results
    }

    /// Stops handing out batches (storing failed): the reading threads finish the batch they hold and stop.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
