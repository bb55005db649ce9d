/// Mutable state that a class's hot callbacks change, kept behind a pointer the class owns.
///
/// Why: Swift checks exclusive access to a class's stored `var`s at run time, on every access. In the SAX
/// callbacks (several per cell) and in the model_json writer (several per value) those checks were ≈ 5 % of
/// reading a workbook and a fifth of encoding a table. State reached through a pointer held in a `let` is not
/// checked. The owner must use it from one thread at a time, as a parser or a writer does anyway.
///
/// ```swift
/// private let state = OwnedState(State())
/// private var s: UnsafeMutablePointer<State> { state.pointer }   // then: s.pointee.cells.append(cell)
/// ```
package struct OwnedState<State>: ~Copyable {
    package let pointer: UnsafeMutablePointer<State>

    package init(_ initial: State) {
        pointer = .allocate(capacity: 1)
        pointer.initialize(to: initial)
    }

    deinit {
        pointer.deinitialize(count: 1)
        pointer.deallocate()
    }
}
