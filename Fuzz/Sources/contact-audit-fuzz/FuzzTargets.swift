// libFuzzer entry point. Which target runs is chosen by FUZZ_TARGET (scripts/fuzz sets it):
//   document  bytes → HTMLDocument → records (charset detection, libxml2, every extractor)
//   hours     text → HoursParser statements, and the OSM opening_hours parser
//   email     text → a plain-text page → records (e-mail finding, de-obfuscation, phones)
//   robots    bytes → RobotsPolicy, asked about a few URLs
//   audit     text → the audit-file loader (YAML, validation, diagnostics)
import ContactAudit
import ContactDocument
import ContactExtract
import ContactFetch
import ContactHours
import Foundation

private let target = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? "document"
private let extractor = ContactExtractor(options: ExtractOptions(regions: RegionResolver(fallbackRegion: "RU")))
private let probeURLs = ["/", "/help/contacts", "/private/x?y=1", "/%D0%BF%D0%BE%D0%BC%D0%BE%D1%89%D1%8C"].map {
    CrawlURL(scheme: "https", host: "example.ru", port: nil, path: $0, query: nil)
}

/// SwiftPM links an executable with `main` aliased to `<module>_main`, so libFuzzer's
/// own `main` is never used: this one hands control to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("contact_audit_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzzOneInput)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    switch target {
    case "document":
        if let document = try? HTMLDocument(bytes: bytes, source: "fuzz.html") {
            let records = extractor.extract(from: document)
            for record in records { _ = document.blocks.count + record.value.utf8.count }
        }
    case "hours":
        let text = String(decoding: bytes, as: UTF8.self)
        for statement in HoursParser.statements(in: text) {
            _ = text[statement.range]
            if case .schedule(let schedule) = statement.value {
                // Whatever we write must read back as the same schedule.
                let written = schedule.openingHours
                if let reread = try? WeeklySchedule(openingHours: written), reread != schedule {
                    fatalError("opening_hours round trip changed \(written)")
                }
            }
        }
        _ = try? WeeklySchedule(openingHours: text)
    case "email":
        if let document = try? HTMLDocument(plainText: bytes, source: "fuzz.txt") {
            _ = extractor.extract(from: document)
        }
    case "robots":
        let policy = RobotsPolicy(parsing: bytes, productToken: "contact-audit")
        for url in probeURLs { _ = policy.allows(url) }
    case "audit":
        _ = AuditFile.parse(text: String(decoding: bytes, as: UTF8.self), path: "fuzz/audit.yaml",
                            directory: URL(fileURLWithPath: "/nonexistent"))
    default:
        fatalError("unknown FUZZ_TARGET \(target)")
    }
    return 0
}
