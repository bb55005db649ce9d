import Foundation

/// Results filled concurrently by `DispatchQueue.concurrentPerform`, one index per worker, read once all are in.
final class ResultSlots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [T?]

    init(count: Int) { items = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: T) {
        lock.lock()
        items[i] = value
        lock.unlock()
    }

    /// The values set, in index order.
    var values: [T] {
        lock.lock()
        defer { lock.unlock() }
        return items.compactMap { $0 }
    }
}
