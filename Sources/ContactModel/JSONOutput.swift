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
    /// Each chunk of records is encoded as an array (same options) and its elements
    /// indented to their place in the list; JSON strings hold no raw newline, so every
    /// line break is one of the layout's. Anything unexpected falls back to one encoding.
    public static func encode(records: [ContactRecord]) throws -> Data {
        let chunkCount = min(records.count / 64, ProcessInfo.processInfo.activeProcessorCount * 2)
        guard chunkCount > 1 else { return try encode(RecordList(records: records)) }
        let chunks = Array(0..<chunkCount).concurrentMap { chunk in
            let range = (records.count * chunk / chunkCount)..<(records.count * (chunk + 1) / chunkCount)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return Result { try encoder.encode(Array(records[range])) }
        }
        let opening = Array("[\n".utf8), closing = Array("\n]".utf8)
        var data = Data("{\n  \"records\" : [\n".utf8)
        for (chunk, result) in chunks.enumerated() {
            let array = try result.get()
            guard array.count > opening.count + closing.count, array.starts(with: opening),
                  array.suffix(closing.count).elementsEqual(closing) else {
                return try encode(RecordList(records: records))
            }
            if chunk > 0 { data.append(contentsOf: Array(",\n".utf8)) }
            data.append(contentsOf: indented(array.dropFirst(opening.count).dropLast(closing.count), by: 2))
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
