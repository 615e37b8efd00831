import ContactDocument
import ContactModel
import Foundation
import Testing
@testable import ContactExtract

enum Extraction {
    static func fixture(_ name: String, region: String? = nil,
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> [ContactRecord] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"),
                               "missing fixture \(name)", sourceLocation: sourceLocation)
        let document = try HTMLDocument(bytes: [UInt8](try Data(contentsOf: url)), source: name)
        return extract(document, region: region)
    }

    static func html(_ html: String, region: String? = nil) throws -> [ContactRecord] {
        extract(try HTMLDocument(bytes: Array(html.utf8), source: "inline.html"), region: region)
    }

    static func extract(_ document: HTMLDocument, region: String?) -> [ContactRecord] {
        ContactExtractor(options: ExtractOptions(regions: RegionResolver(explicitRegion: region))).extract(from: document)
    }
}

extension Array where Element == ContactRecord {
    func values(_ kind: RecordKind) -> [String] { filter { $0.kind == kind }.map(\.value) }
}
