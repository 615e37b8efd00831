import ContactArchive
import ContactDocument
import ContactFetch
import PhoneNumbers

/// What reads the pages, each version asked of the loaded library by the module that wraps
/// it: recorded in `run.json` and in an archive's `warcinfo`, so a change in what was
/// extracted can be told apart from a change in the tool.
public struct Versions: Sendable {
    public var values: [String: String]

    public static let current: Versions = {
        var values = ["contact-audit": PageFetcher.version,
                      "libphonenumber-metadata": PhoneNumberService.metadataFingerprint]
        values["libcurl"] = PageFetcher.libcurlVersion
        values["libxml2"] = HTMLDocument.libxml2Version
        values["libphonenumber"] = PhoneNumberService.libraryVersion
        return Versions(values: values)
    }()

    public var run: [String: String] { values }

    /// `software` as WARC 1.1 suggests, then each version on its own field.
    public var warcinfo: [HeaderField] {
        [HeaderField("software", "contact-audit/\(PageFetcher.version)")]
            + values.keys.sorted().map { HeaderField("version-\($0)", values[$0] ?? "") }
    }
}
