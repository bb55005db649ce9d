import Foundation
import Testing
@testable import GoalBridgeDataset

struct CollectPipelineTests {
    /// Batches read in any order by several threads come out in order, each once, and reading never gets
    /// more than the window ahead of what has been taken for storing.
    @Test func batchesComeOutInOrderWithinTheWindow() {
        let count = 200, window = 4
        let pipeline = CollectPipeline<Int>(batchCount: count, window: window)
        let taken = Counter()
        let readers = DispatchGroup()
        for _ in 0..<3 {
            DispatchQueue.global().async(group: readers) {
                while let b = pipeline.take() {
                    taken.record(b)
                    // Uneven work, so batches finish out of order.
                    usleep(UInt32((b * 7919) % 5) * 100)
                    pipeline.deliver(b, b)
                }
            }
        }
        var stored: [Int] = []
        while true {
            let next = pipeline.next(3) ?? []
            if next.isEmpty { break }
            // Everything handed out so far lies within the window of what was taken before this.
            #expect(taken.highest < stored.count + next.count + window)
            stored += next
        }
        readers.wait()
        #expect(stored == Array(0..<count))
    }

    /// Once stopped, readers get no more batches and the storing side gets nothing.
    @Test func aStoppedPipelineHandsOutNothing() {
        let pipeline = CollectPipeline<Int>(batchCount: 10, window: 2)
        #expect(pipeline.take() == 0)
        pipeline.stop()
        #expect(pipeline.take() == nil)
        #expect(pipeline.next(1)?.isEmpty == true)
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var max = -1
    func record(_ b: Int) { lock.lock(); if b > max { max = b }; lock.unlock() }
    var highest: Int { lock.lock(); defer { lock.unlock() }; return max }
}
