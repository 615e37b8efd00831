import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map` on every core (GCD's `concurrentPerform`, one element per iteration, so a
    /// large page does not hold up a whole slice), results in the elements' order: the
    /// output is the one-thread output, whatever ran first. The one way every module runs
    /// work on all cores (pages, CLDR tables per language, JSON chunks).
    public func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        concurrentMap(startingWith: nil, transform)
    }

    /// The same, the elements started heaviest first by `weight` (a file's size): the run
    /// then ends on the lightest ones, rather than on a large page that one core started
    /// last while the others had nothing left to do. Results stay in the elements' order.
    public func concurrentMap<Result: Sendable>(heaviestFirst weight: (Element) -> Int,
                                         _ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        let weights = map(weight)
        return concurrentMap(startingWith: indices.sorted { weights[$0] != weights[$1] ? weights[$0] > weights[$1] : $0 < $1 },
                             transform)
    }

    /// Elements started in `order` (indices; nil: as they come), results in the elements' order.
    private func concurrentMap<Result: Sendable>(startingWith order: [Int]?,
                                                 _ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        let results = ResultSlots<Result>(count: count)
        let elements = self
        DispatchQueue.concurrentPerform(iterations: count) { step in
            let index = order?[step] ?? step
            results.set(index, transform(elements[index]))
        }
        return results.values
    }
}

/// One slot per result, each written by exactly one iteration.
private final class ResultSlots<Result>: @unchecked Sendable {
    private var slots: [Result?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result) { lock.withLock { slots[index] = value } }

    var values: [Result] { lock.withLock { slots.map { $0! } } }
}
