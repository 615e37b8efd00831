import ContactModel

/// File names of source snapshots: a readable slug of the URL or path, and a short hash of
/// the whole of it, so `pages/a-b.html` and `pages/a/b.html` (same slug) never share a
/// file. Names depend on the source alone, so a source keeps its file from run to run.
public enum SnapshotNaming {
    static let maxSlugLength = 60

    public static func fileName(for source: String, hashLength: Int = 8) -> String {
        "\(slug(source))-\(SHA256.hex(source).prefix(hashLength)).json"
    }

    /// Names for every source; should two sources' short hashes ever meet, both get a
    /// longer one.
    public static func fileNames(for sources: [String]) -> [String: String] {
        var names: [String: String] = [:]
        for length in [8, 16, 64] {
            let pending = Set(sources).subtracting(names.keys)
            if pending.isEmpty { break }
            let candidates = Dictionary(grouping: pending) { fileName(for: $0, hashLength: length) }
            for (name, group) in candidates where group.count == 1 || length == 64 {
                for source in group { names[source] = name }
            }
        }
        return names
    }

    /// Lower-case ASCII letters and digits, runs of anything else as one `-`, without the
    /// scheme; `source` when nothing is left.
    public static func slug(_ source: String) -> String {
        var text = Substring(source.lowercased())
        for scheme in ["https://", "http://", "file://"] where text.hasPrefix(scheme) {
            text = text.dropFirst(scheme.count)
        }
        var slug = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug.append("-")
            }
            if slug.count >= maxSlugLength { break }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "source" : slug
    }
}
