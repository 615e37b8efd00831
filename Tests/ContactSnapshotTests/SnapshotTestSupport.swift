import ContactModel
import ContactSnapshot
import Foundation

func record(_ value: String, source: String = "pages/a.html", kind: RecordKind = .phone, channel: Channel = .hotline,
            path: String = "/html/body/p[1]", text: String? = nil) -> ContactRecord {
    ContactRecord(kind: kind, value: value, channel: channel, source: source,
                  evidence: Evidence(method: .text, path: path, text: text ?? "Телефон: \(value)"))
}

func source(_ records: [ContactRecord]) -> SourceSnapshot { source("pages/a.html", records) }

func source(_ name: String, _ records: [ContactRecord], error: String? = nil) -> SourceSnapshot {
    var fetch = FetchState.read(bytes: Array(name.utf8))
    if let error {
        fetch.result = "failed"
        fetch.error = error
    }
    return SourceSnapshot(source: name, official: false, fetch: fetch, records: records)
}

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func runMetadata() -> RunMetadata {
    RunMetadata(version: "test", audit: "test", started: Date(), duration: .milliseconds(5), sources: 1, notModified: [])
}
