@testable import ContactHours
import Testing

/// Merged result of every statement in the text, as canonical OSM ("none" when nothing,
/// "unspecified" when only unreadable hours were stated). Also checks that the pre-check never
/// changes what is read: it may only skip texts that would give nothing.
func merged(_ text: String) -> String {
    let found = HoursParser.statements(in: text)
    #expect(HoursParser.statements(in: text, preCheck: false) == found)
    if !found.isEmpty && found.allSatisfy({ $0.value == .unspecified }) { return "unspecified" }
    if found.isEmpty { return "none" }
    return HoursParser.merge(found).openingHours
}
