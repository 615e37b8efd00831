extension Array {
    /// The same order as the standard library's stable `sorted(by:)`, for arrays of large
    /// structs (records, findings). `sorted` copies the array and then moves whole elements
    /// at every merge step, retaining and releasing each of their strings every time; here
    /// positions are sorted and each element is copied once. An array already in order
    /// (the common case: records stored sorted) is returned as it is, sharing its storage.
    @inlinable
    public func sortedWithFewCopies(by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        withUnsafeBufferPointer { elements in
            guard !Self.isSorted(elements, by: areInIncreasingOrder) else { return self }
            // The standard sort is stable, so equal elements keep their positions' order.
            let order = elements.indices.sorted { areInIncreasingOrder(elements[$0], elements[$1]) }
            return order.map { elements[$0] }
        }
    }

    /// True when no element comes before its predecessor: a stable sort would leave the
    /// array unchanged.
    @inlinable
    public static func isSorted(_ elements: UnsafeBufferPointer<Element>,
                                by areInIncreasingOrder: (Element, Element) -> Bool) -> Bool {
        var index = 1
        while index < elements.count {
            if areInIncreasingOrder(elements[index], elements[index - 1]) { return false }
            index += 1
        }
        return true
    }
}

extension Array where Element: Comparable {
    /// `sorted()`, with the copying of `sortedWithFewCopies(by:)`.
    @inlinable
    public func sortedWithFewCopies() -> [Element] { sortedWithFewCopies(by: <) }
}
