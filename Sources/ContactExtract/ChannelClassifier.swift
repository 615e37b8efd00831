import ContactHours
import ContactModel

/// Decides which contact channel a value belongs to from the words nearest to it:
/// the clause around the value, then its block, then the line introducing its list,
/// then the headings above it (nearest first), then structured data's `contactType`.
///
/// Specific words (fax, chat, messenger, hotline, office, press, form) decide at the
/// first level that has one. A generic phone word ("тел.", "phone") next to a number
/// settles that it is a phone line, so a heading "Phone & Fax" cannot make it a fax;
/// only support words further out ("горячая линия", "поддержка") can still make it the
/// hotline, the main phone support line.
struct ChannelClassifier {
    /// The levels of context, nearest first.
    struct Context {
        /// The words labelling the value, lower-cased, nearest first (before it, then after it).
        var near: [String]
        /// The signals of the outer levels, nearest first: the block, the line introducing its
        /// list, the headings above it (nearest first). A page computes each once.
        var outer: [Signals]
        var structuredType: String?
        /// The words of the value's own text, lower-cased: a link's text around its number
        /// ("Fax (202) 555-0119") labels it first.
        var inside: String = ""
        /// Lines that label a number from outside its own block, lower-cased, nearest first:
        /// its table row's label cell (`<td>Fax:</td><td>305.682.1945</td>`), the `<dt>` of
        /// its `<dd>`, a label line above it in its element (`Fax:<br>Applications: …`).
        /// They are read as its own words are.
        var labelLines: [String] = []
    }

    /// The signals found in one piece of text.
    struct Signals: OptionSet, Hashable {
        let rawValue: UInt16

        static let fax = Signals(rawValue: 1 << 0)
        static let messenger = Signals(rawValue: 1 << 1)
        static let chat = Signals(rawValue: 1 << 2)
        static let form = Signals(rawValue: 1 << 3)
        static let press = Signals(rawValue: 1 << 4)
        static let hotline = Signals(rawValue: 1 << 5)
        static let office = Signals(rawValue: 1 << 6)
        static let email = Signals(rawValue: 1 << 7)
        /// A support word: горячая линия, поддержка, helpline.
        static let support = Signals(rawValue: 1 << 8)
        /// A generic phone word: телефон, call, tel.
        static let voice = Signals(rawValue: 1 << 9)
        static let business = Signals(rawValue: 1 << 10)
        static let sales = Signals(rawValue: 1 << 11)

        /// Specific channels in the order they win when a level has several.
        static let channels: [(signal: Signals, channel: Channel)] = [
            // An audience names the line more precisely than "hotline": "Горячая линия для
            // бизнеса" is the business line. A "customer service and sales call center"
            // is the hotline that also sells.
            (.fax, .fax), (.messenger, .messenger), (.chat, .chat), (.form, .form), (.press, .press),
            (.business, .business), (.hotline, .hotline), (.sales, .sales), (.office, .office), (.email, .email),
        ]

        func firstChannel(in allowed: Signals) -> Channel? {
            guard !isDisjoint(with: allowed) else { return nil }
            for (signal, channel) in Self.channels where contains(signal) && allowed.contains(signal) { return channel }
            return nil
        }
    }

    // Word stems, lower case; matched as substrings, so stems catch Russian inflection. The
    // words of other languages come from the hours language files' `channels` key.
    static let fax = ["факс", "fax", "telefax", "téléfax", "facsimile"]
        + HoursLanguages.channelWords["fax", default: []]
    static let messenger = ["whatsapp", "telegram", "телеграм", "viber", "вайбер", "ватсап", "вотсап", "signal",
                            "wechat", "messenger", "мессенджер", "vk.me", "icq", "skype", "скайп"]
        + HoursLanguages.channelWords["messenger", default: []]
    static let chat = ["чат", "chat", "онлайн-консультант", "онлайн консультант", "онлайн‑консультант"]
        + HoursLanguages.channelWords["chat", default: []]
    static let form = ["форма обратной связи", "форму обратной связи", "форме обратной связи", "формы обратной связи",
                       "обратной связи", "contact form", "web form", "feedback form", "online form", "kontaktformular"]
    static let email = ["e-mail", "e‑mail", "email", "электронн", "почт", "mail", "курьер"]
        + HoursLanguages.channelWords["email", default: []]
    static let press = ["для сми", "пресс-служб", "пресс‑служб", "пресс служб", "press", "media relations", "presse",
                        "media inquiries", "media enquiries", "members of the media"]
    /// Not a bare "business" or "юридическ": "business hours" and "юридический адрес"
    /// say nothing about who a line is for.
    static let business = ["для бизнеса", "бизнес-клиент", "бизнес‑клиент", "корпоративных клиент",
                           "корпоративным клиент", "юридических лиц", "юридическим лицам", "юр. лиц", "юрлиц",
                           "предпринимател", "business customer", "business client",
                           "business line", "business support", "corporate customer", "corporate client",
                           "geschäftskunden", "firmenkunden", "für unternehmen", "gewerbekunden"]
    /// Not a bare "sales" or "verkauf": they sit inside addresses ("onlinesales@…") and
    /// other words ("Vorverkauf", ticket pre-sale).
    static let sales = ["отдел продаж", "отдела продаж", "отделом продаж", "отделу продаж", "по вопросам продаж",
                        "sales:", "sales department", "sales team", "sales office", "sales line", "sales phone",
                        "sales inquir", "sales enquir", "sales info", "sales and ", "sales & ", "sales support",
                        "contact sales", "sales call", "vertrieb", "verkaufsabteilung", "verkaufsteam"]
    static let office = ["офис", "отделени", "приёмн", "приемн", "мфц", "филиал", "office", "branch", "headquarters",
                         "visit us", "walk-in", "filiale", "büro", "kantoor"]
    static let hotline = ["горяч", "hotline", "hot line", "телефон доверия", "единый номер", "единый телефон",
                          "колл-центр", "колл‑центр", "call center", "call centre", "контакт-центр", "контакт‑центр",
                          "helpline", "help line", "support line", "справочн"]
        + HoursLanguages.channelWords["hotline", default: []]
    static let support = ["поддержк", "support", "служб", "customer service", "customer care", "kundenservice",
                          "kundendienst", "klantenservice", "technical assistance"]
        + HoursLanguages.channelWords["support", default: []]
    static let voice = ["телефон", "тел.", "тел:", "тел ", "phone", "tel.", "tel:", "tel ", "call", "звон", "звоните",
                        "номер", "телефонн", "mob", "моб", "сотов", "dial", "ruf", "telefon", "bel ", "toll-free",
                        "toll free", "tollfree", "voice", "ph:", "ph.", "tél", "tél.", "lines are open", "lines open",
                        "бесплатн", "приём звонков", "прием звонков", "звонк", "оператор"]

    /// Signals in one piece of text (lower-cased): each signal whose stems occur in it.
    static func signals(in text: String) -> Signals {
        Signals(rawValue: UInt16(truncatingIfNeeded: stems.bits(in: text)))
    }

    /// Every stem above under its signal's bit, read in one pass over a text.
    static let stems = NeedleSet([
        (fax, UInt32(Signals.fax.rawValue)), (messenger, UInt32(Signals.messenger.rawValue)),
        (chat, UInt32(Signals.chat.rawValue)), (form, UInt32(Signals.form.rawValue)),
        (press, UInt32(Signals.press.rawValue)), (business, UInt32(Signals.business.rawValue)),
        (sales, UInt32(Signals.sales.rawValue)), (hotline, UInt32(Signals.hotline.rawValue)),
        (office, UInt32(Signals.office.rawValue)), (email, UInt32(Signals.email.rawValue)),
        (support, UInt32(Signals.support.rawValue)), (voice, UInt32(Signals.voice.rawValue)),
    ])

    private static let phoneChannels: Signals = [.fax, .messenger, .hotline, .office, .press, .business, .sales]
    private static let hoursChannels: Signals = [.chat, .form, .email, .fax, .messenger, .office, .hotline, .press,
                                                 .business, .sales]
    private static let hotlineOrSupport: Signals = [.hotline, .support]

    /// The channel of a phone number.
    static func phoneChannel(_ context: Context) -> Channel {
        var settled = false
        var levels = context.near.enumerated().map { depth, level in
            depth == 0 ? signals(in: level).union(abbreviatedLabel(level)) : signals(in: level)
        }
        if !context.inside.isEmpty { levels.insert(signals(in: context.inside), at: 0) }
        levels += context.labelLines.map { signals(in: $0).union(abbreviatedLabel($0)) }
        for found in levels {
            if let specific = found.firstChannel(in: phoneChannels) { return specific }
            if found.contains(.support) { return .hotline }
            if found.contains(.voice) { settled = true; break }
        }
        for found in context.outer {
            if !found.isDisjoint(with: hotlineOrSupport) { return .hotline }
            if !settled, let specific = found.firstChannel(in: phoneChannels) { return specific }
        }
        if let type = context.structuredType { return structuredChannel(type, default: .phone) }
        return .phone
    }

    /// Labels of one or two letters that business cards and footers put right before a
    /// number ("P 770.232.7375 F 770.814.2740", "T: +86 …", "ф. 8 495 …"): the last word
    /// of the text before the value, standing alone.
    static let abbreviations: [String: Signals] = ["f": .fax, "ф": .fax, "fx": .fax,
                                                   "p": .voice, "t": .voice, "m": .voice, "ph": .voice, "т": .voice]

    static func abbreviatedLabel(_ before: String) -> Signals {
        var text = Substring(before)
        while let last = text.last, last == " " || last == ":" || last == "." || last == "\u{A0}" { text = text.dropLast() }
        let word = text.reversed().prefix(while: \.isLetter)
        guard !word.isEmpty, word.count <= 2 else { return [] }
        return abbreviations[String(word.reversed())] ?? []
    }

    /// The channel of an e-mail address: `email`, or `press`, `business` or `sales` when
    /// the words labelling it (lower-cased, nearest first) say who it is for.
    static func emailChannel(near: [String]) -> Channel {
        let found = near.reduce(into: Signals()) { $0.formUnion(signals(in: $1)) }
        return found.firstChannel(in: [.press, .business, .sales]) ?? .email
    }

    /// The channel a schedule describes. Words about calls and operators mean the phone
    /// line (the hotline in a support context); otherwise the nearest channel word.
    static func hoursChannel(_ context: Context, phoneChannelInBlock: Channel?) -> Channel {
        // Only the words before a schedule label it ("Чат активен: 08:00-20:00"); what
        // follows it is usually another remark ("…без обращения к телефонному
        // оператору") and is still seen as part of the block.
        let levels = context.near.prefix(1).map(signals(in:)) + context.outer
        for (depth, found) in levels.enumerated() {
            if let specific = found.firstChannel(in: hoursChannels) {
                return specific
            }
            if found.contains(.voice) || found.contains(.support) {
                return voiceChannel(levels: levels[depth...])
            }
            // A schedule in the same block as a number is that number's schedule.
            if depth == 0, let phoneChannelInBlock { return phoneChannelInBlock }
        }
        if let type = context.structuredType { return structuredChannel(type, default: .unknown) }
        return .unknown
    }

    private static func voiceChannel(levels: ArraySlice<Signals>) -> Channel {
        levels.contains { !$0.isDisjoint(with: hotlineOrSupport) } ? .hotline : .phone
    }

    /// schema.org `contactType`: "customer service", "technical support", "sales", ...
    static func structuredChannel(_ type: String, default fallback: Channel) -> Channel {
        let lower = type.lowercased()
        if lower.contains("fax") { return .fax }
        if lower.contains("press") || lower.contains("media") { return .press }
        if lower.contains("sales") { return .sales }
        if lower.contains("support") || lower.contains("customer") || lower.contains("service") || lower.contains("help") {
            return .hotline
        }
        return fallback
    }
}
