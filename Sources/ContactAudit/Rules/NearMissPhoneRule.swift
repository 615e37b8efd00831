import ContactModel

/// A number one typo away from a catalog number.
public struct NearMissPhoneRule: AuditRule {
    public static let description = RuleDescription(
        id: "near-miss-phone",
        severity: .error,
        summary: "a number one digit edit (substitution or swap of neighbours) away from a catalog number",
        rationale: """
        One wrong digit is the typical copy error, and also how look-alike numbers are chosen \
        to catch callers of the real one.
        """,
        passing: [Example.audit(Example.page("<p>Горячая линия: 8 800 100-70-10</p><p>Офис: +7 495 123-44-55</p>"))],
        failing: [
            Example.audit(Example.page("<p>Горячая линия: 8 800 100-70-11</p>"), values: ["+78001007011"]),
            Example.audit(Example.page("<p>Горячая линия: 8 800 100-07-10</p>"), values: ["+78001000710"]),
        ]
    )

    public init() {}

    public func check(_ context: AuditContext) -> [Finding] {
        let catalog = context.catalog.currentPhoneNumbers.union(context.catalog.deprecatedPhones)
        // Short numbers are a few digits apart from one another by nature (112, 115).
        let targets = catalog.filter { $0.hasPrefix("+") }.sorted()
        let candidates = context.phonesByValue.filter { $0.value.startsWithPlus && !catalog.contains($0.value) }
        return candidates.compactMap { group in
            let (value, positions) = (group.value, group.positions)
            guard let target = targets.first(where: { Self.isOneEditApart(value, $0) }) else { return nil }
            return finding(channel: context.channel(of: positions), value: value,
                           message: "\(value) is one digit away from the catalog number \(target)",
                           evidence: positions, in: context, official: context.officialNote(positions, stating: value))
        }
    }

    /// One substitution, or one swap of neighbouring digits, counted in characters. In
    /// ASCII without a CR (which joins a following LF into one character) each byte is a
    /// character, so numbers are compared as bytes rather than as arrays of characters.
    static func isOneEditApart(_ a: String, _ b: String) -> Bool {
        func isOneCharacterPerByte(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } }
        if isOneCharacterPerByte(a), isOneCharacterPerByte(b) { return isOneEditApart(Array(a.utf8), Array(b.utf8)) }
        return isOneEditApart(Array(a), Array(b))
    }

    static func isOneEditApart<Unit: Equatable>(_ x: [Unit], _ y: [Unit]) -> Bool {
        guard x.count == y.count, x != y else { return false }
        let differences = x.indices.filter { x[$0] != y[$0] }
        if differences.count == 1 { return true }
        if differences.count == 2, let i = differences.first, differences[1] == i + 1 {
            return x[i] == y[i + 1] && x[i + 1] == y[i]
        }
        return false
    }
}
