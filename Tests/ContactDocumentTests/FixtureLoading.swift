import Foundation
import Testing

enum Fixture {
    static func bytes(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"),
                               "missing fixture \(name)", sourceLocation: sourceLocation)
        return [UInt8](try Data(contentsOf: url))
    }
}
