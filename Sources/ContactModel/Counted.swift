/// Counts with their nouns, for every message and report.
extension Int {
    /// "1 record", "2 records": the count with its noun, plural when it is not 1.
    public func counted(_ noun: String, plural: String? = nil) -> String {
        "\(self) \(self == 1 ? noun : plural ?? noun + "s")"
    }
}
