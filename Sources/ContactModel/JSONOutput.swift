import Foundation

/// The one JSON style of every file and output: pretty-printed, keys sorted, slashes
/// unescaped, ending with a newline, so the same content gives the same bytes.
public enum JSONOutput {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }
}

extension JSONOutput {
    /// `encode(RecordList(records: records))`, byte for byte, with the records encoded on
    /// every core: `extract` over many pages spent its last tens of milliseconds encoding
    /// one large list on one thread while the other cores had nothing left to do.
    /// Each record is encoded alone (same options) and indented to its place in the list;
    /// JSON strings hold no raw newline, so every line break is one of the layout's.
    public static func encode(records: [ContactRecord]) throws -> Data {
        let chunkCount = min(records.count / 32, ProcessInfo.processInfo.activeProcessorCount * 4)
        guard chunkCount > 1 else { return try encode(RecordList(records: records)) }
        let chunks = EncodedChunks(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let range = (records.count * chunk / chunkCount)..<(records.count * (chunk + 1) / chunkCount)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            var out = Data()
            do {
                for index in range {
                    if index != range.lowerBound { out.append(contentsOf: Array(",\n".utf8)) }
                    out.append(contentsOf: indented(try encoder.encode(records[index]), by: 4))
                }
                chunks.set(chunk, .success(out))
            } catch {
                chunks.set(chunk, .failure(error))
            }
        }
        var data = Data("{\n  \"records\" : [\n".utf8)
        for (chunk, result) in chunks.values.enumerated() {
            if chunk > 0 { data.append(contentsOf: Array(",\n".utf8)) }
            data.append(try result.get())
        }
        data.append(contentsOf: Array("\n  ]\n}\n".utf8))
        return data
    }

    /// `json` with `spaces` more spaces at the start of every line that is not empty.
    private static func indented(_ json: Data, by spaces: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(json.count + json.count / 8)
        var lineStart = true
        for byte in json {
            if lineStart && byte != 0x0A { out.append(contentsOf: repeatElement(0x20, count: spaces)) }
            out.append(byte)
            lineStart = byte == 0x0A
        }
        return out
    }
}

/// One slot per chunk, each written by exactly one iteration.
private final class EncodedChunks: @unchecked Sendable {
    private var slots: [Result<Data, any Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<Data, any Error>) { lock.withLock { slots[index] = value } }

    var values: [Result<Data, any Error>] { lock.withLock { slots.map { $0! } } }
}
