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
        out += Array("{\n  \"records\" : [\n".utf8)
        for (index, record) in records.enumerated() {
            if index > 0 { out += Array(",\n".utf8) }
            write(record, into: &out)
        }
        out += Array("\n  ]\n}\n".utf8)
        return Data(out)
    }

    private static func write(_ record: ContactRecord, into out: inout [UInt8]) {
        let indent = "      "
        out += Array("    {\n".utf8)
        var first = true
        func key(_ name: StaticString) {
            if !first { out += Array(",\n".utf8) }
            first = false
            out += Array(indent.utf8)
            out.append(UInt8(ascii: "\""))
            name.withUTF8Buffer { out += $0 }
            out += Array("\" : ".utf8)
        }
        key("channel"); string(record.channel.rawValue, into: &out)
        key("evidence"); write(record.evidence, indent: 6, into: &out)
        if let value = record.extension { key("extension"); string(value, into: &out) }
        key("kind"); string(record.kind.rawValue, into: &out)
        if let value = record.raw { key("raw"); string(value, into: &out) }
        if let repeats = record.repeats {
            key("repeats")
            out += Array("[\n".utf8)
            for (index, evidence) in repeats.enumerated() {
                if index > 0 { out += Array(",\n".utf8) }
                out += Array("        ".utf8)
                write(evidence, indent: 8, into: &out)
            }
            out += Array("\n      ]".utf8)
        }
        if let value = record.section { key("section"); string(value, into: &out) }
        key("source"); string(record.source, into: &out)
        if let value = record.timezone { key("timezone"); string(value, into: &out) }
        if let value = record.type { key("type"); string(value, into: &out) }
        key("value"); string(record.value, into: &out)
        out += Array("\n    }".utf8)
    }

    /// An evidence object whose opening brace is already placed, its closing brace at `indent`.
    private static func write(_ evidence: Evidence, indent: Int, into out: inout [UInt8]) {
        let inner = [UInt8](repeating: 0x20, count: indent + 2)
        out += Array("{\n".utf8)
        out += inner; out += Array("\"method\" : ".utf8); string(evidence.method.rawValue, into: &out)
        out += Array(",\n".utf8)
        out += inner; out += Array("\"path\" : ".utf8); string(evidence.path, into: &out)
        out += Array(",\n".utf8)
        out += inner; out += Array("\"text\" : ".utf8); string(evidence.text, into: &out)
        out.append(0x0A)
        out += [UInt8](repeating: 0x20, count: indent)
        out.append(UInt8(ascii: "}"))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A JSON string: quote and backslash escaped, the control characters as \b \f \n
    /// \r \t or \u00XX, everything else (slashes, non-ASCII) as it is.
    static func string(_ value: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [0x5C, 0x22]
            case UInt8(ascii: "\\"): out += [0x5C, 0x5C]
            case 0x08: out += [0x5C, UInt8(ascii: "b")]
            case 0x0C: out += [0x5C, UInt8(ascii: "f")]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0x00..<0x20:
                out += [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                        hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
