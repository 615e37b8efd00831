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
        if let written = RecordListWriter.json(records) { return written }
        return try encodeInChunks(records: records)
    }

    /// The records through `JSONEncoder`, in chunks on every core.
    static func encodeInChunks(records: [ContactRecord]) throws -> Data {
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

/// `{"records": [...]}` written straight to bytes in `JSONOutput`'s style, as
/// `JSONEncoder` (pretty-printed, sorted keys, slashes unescaped) writes it: the keys of a
/// record and of its evidence in sorted order, absent optionals left out, strings escaped
/// as the encoder escapes them. `JSONEncoder` took tens of milliseconds for the corpus's
/// records at the end of `extract`, one core idle. Lists it has not been checked against
/// (none, or an empty `repeats`) are left to the encoder (nil).
enum RecordListWriter {
    static func json(_ records: [ContactRecord]) -> Data? {
        guard !records.isEmpty, !records.contains(where: { $0.repeats?.isEmpty == true }) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(records.count * 640)
        append("{\n  \"records\" : [\n", to: &out)
        for (index, record) in records.enumerated() {
            if index > 0 { append(",\n", to: &out) }
            write(record, into: &out)
        }
        append("\n  ]\n}\n", to: &out)
        return Data(out)
    }

    private static func write(_ record: ContactRecord, into out: inout [UInt8]) {
        append("    {\n", to: &out)
        var first = true
        func key(_ name: StaticString) {
            append(first ? "      \"" : ",\n      \"", to: &out)
            first = false
            append(name, to: &out)
            append("\" : ", to: &out)
        }
        key("channel"); string(record.channel.rawValue, into: &out)
        key("evidence"); write(record.evidence, indent: 6, into: &out)
        if let value = record.extension { key("extension"); string(value, into: &out) }
        key("kind"); string(record.kind.rawValue, into: &out)
        if let value = record.raw { key("raw"); string(value, into: &out) }
        if let repeats = record.repeats {
            key("repeats")
            append("[\n", to: &out)
            for (index, evidence) in repeats.enumerated() {
                if index > 0 { append(",\n", to: &out) }
                append("        ", to: &out)
                write(evidence, indent: 8, into: &out)
            }
            append("\n      ]", to: &out)
        }
        if let value = record.section { key("section"); string(value, into: &out) }
        key("source"); string(record.source, into: &out)
        if let value = record.timezone { key("timezone"); string(value, into: &out) }
        if let value = record.type { key("type"); string(value, into: &out) }
        key("value"); string(record.value, into: &out)
        append("\n    }", to: &out)
    }

    /// An evidence object whose opening brace is already placed, its closing brace at `indent`.
    private static func write(_ evidence: Evidence, indent: Int, into out: inout [UInt8]) {
        append("{\n", to: &out)
        out.append(contentsOf: repeatElement(0x20, count: indent + 2))
        append("\"method\" : ", to: &out)
        string(evidence.method.rawValue, into: &out)
        append(",\n", to: &out)
        out.append(contentsOf: repeatElement(0x20, count: indent + 2))
        append("\"path\" : ", to: &out)
        string(evidence.path, into: &out)
        append(",\n", to: &out)
        out.append(contentsOf: repeatElement(0x20, count: indent + 2))
        append("\"text\" : ", to: &out)
        string(evidence.text, into: &out)
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: indent))
        out.append(UInt8(ascii: "}"))
    }

    private static func append(_ text: StaticString, to out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A JSON string: quote and backslash escaped, the control characters as \b \f \n
    /// \r \t or \u00XX, everything else (slashes, non-ASCII) as it is.
    static func string(_ value: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"", to: &out)
            case UInt8(ascii: "\\"): append("\\\\", to: &out)
            case 0x08: append("\\b", to: &out)
            case 0x0C: append("\\f", to: &out)
            case 0x0A: append("\\n", to: &out)
            case 0x0D: append("\\r", to: &out)
            case 0x09: append("\\t", to: &out)
            case 0x00..<0x20:
                append("\\u00", to: &out)
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
