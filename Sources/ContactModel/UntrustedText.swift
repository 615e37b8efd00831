/// Page text (values, evidence, link labels inside messages, URLs, fetch errors) is
/// written by whoever wrote the page, a third party included. Each format renders it
/// inert: a page must not be able to add links, images or markup to a report, or
/// control sequences to the terminal that shows it.
public enum UntrustedText {
    /// Characters that change how a terminal shows what follows instead of showing
    /// themselves: C0 and C1 controls (ESC starts ANSI sequences, U+009B is the 8-bit
    /// CSI), DEL, and the bidirectional overrides and isolates that reorder a line.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// For a terminal or a plain-text log: newlines and tabs become spaces, every other
    /// control is shown as its code (`\u{1B}`) so the reader sees it was there.
    public static func terminal(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if !isControl(scalar) {
                out.append(scalar)
            } else if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                out.append(" ")
            } else {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            }
        }
        return String(out)
    }

    /// A Markdown code span: nothing inside one is read as a link, an image, an autolink,
    /// HTML or emphasis. The fence is one backtick longer than the longest run inside;
    /// in a table cell `|` is escaped, which GitHub honours inside code spans too.
    public static func markdownCode(_ text: String, inTable: Bool = true) -> String {
        var flat = terminal(text)
        if inTable { flat = flat.replacingOccurrences(of: "|", with: "\\|") }
        guard !flat.isEmpty else { return "" }
        var longest = 0, run = 0
        for character in flat {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = flat.hasPrefix("`") || flat.hasSuffix("`") || flat.hasPrefix(" ") && flat.hasSuffix(" ") ? " " : ""
        return fence + pad + flat + pad + fence
    }

    /// Running Markdown text with every ASCII punctuation character backslash-escaped
    /// (CommonMark allows escaping any of them), so it stays text; for names and notes
    /// the tool or the audit file wrote, where a code span would read oddly.
    public static func markdownPlain(_ text: String) -> String {
        var out = ""
        for character in terminal(text) {
            if character.isASCII, character.isPunctuation || character.isSymbol { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
