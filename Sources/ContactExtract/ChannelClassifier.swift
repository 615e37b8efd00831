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
    /// The levels of context, nearest first, lower-cased.
    struct Context {
        /// The words labelling the value, nearest first (before it, then after it).
        var near: [String]
        var block: String
        var listIntro: String?
        var headings: [String]
        var structuredType: String?

        /// Outer levels, nearest first.
        var outer: [String] {
            var levels = [block]
            if let listIntro { levels.append(listIntro) }
            levels += headings.reversed()
            return levels
        }
    }

    enum Signal: Equatable {
        case channel(Channel)
        case voice      // a generic phone word: телефон, call, tel
        case support    // a support word: горячая линия, поддержка, helpline
    }

    // Word stems, lower case; matched as substrings, so stems catch Russian inflection.
    static let fax = ["факс", "fax", "telefax", "téléfax"]
    static let messenger = ["whatsapp", "telegram", "телеграм", "viber", "вайбер", "ватсап", "вотсап", "signal",
                            "wechat", "messenger", "мессенджер", "vk.me", "icq", "skype", "скайп"]
    static let chat = ["чат", "chat", "онлайн-консультант", "онлайн консультант", "онлайн‑консультант"]
    static let form = ["форма обратной связи", "форму обратной связи", "форме обратной связи", "формы обратной связи",
                       "обратной связи", "contact form", "web form", "feedback form", "online form", "kontaktformular"]
    static let email = ["e-mail", "e‑mail", "email", "электронн", "почт", "mail", "курьер"]
    static let press = ["для сми", "пресс-служб", "пресс‑служб", "пресс служб", "press", "media relations", "presse"]
    static let office = ["офис", "отделени", "приёмн", "приемн", "мфц", "филиал", "office", "branch", "headquarters",
                         "visit us", "walk-in", "filiale", "büro", "kantoor"]
    static let hotline = ["горяч", "hotline", "hot line", "телефон доверия", "единый номер", "единый телефон",
                          "колл-центр", "колл‑центр", "call center", "call centre", "контакт-центр", "контакт‑центр",
                          "helpline", "help line", "support line", "справочн"]
    static let support = ["поддержк", "support", "служб", "customer service", "customer care", "kundenservice",
                          "kundendienst", "klantenservice"]
    static let voice = ["телефон", "тел.", "тел:", "тел ", "phone", "tel.", "tel:", "tel ", "call", "звон", "звоните",
                        "номер", "телефонн", "mob", "моб", "сотов", "dial", "ruf", "telefon", "bel ", "toll-free",
                        "бесплатн", "приём звонков", "прием звонков", "звонк", "оператор"]

    /// Signals in one piece of text, specific channels first.
    static func signals(in text: String) -> [Signal] {
        var found: [Signal] = []
        func has(_ stems: [String]) -> Bool { ByteSearch.containsAny(text, stems) }
        if has(fax) { found.append(.channel(.fax)) }
        if has(messenger) { found.append(.channel(.messenger)) }
        if has(chat) { found.append(.channel(.chat)) }
        if has(form) { found.append(.channel(.form)) }
        if has(press) { found.append(.channel(.press)) }
        if has(hotline) { found.append(.channel(.hotline)) }
        if has(office) { found.append(.channel(.office)) }
        if has(email) { found.append(.channel(.email)) }
        if has(support) { found.append(.support) }
        if has(voice) { found.append(.voice) }
        return found
    }

    /// The channel of a phone number.
    static func phoneChannel(_ context: Context) -> Channel {
        let phoneChannels: Set<Channel> = [.fax, .messenger, .hotline, .office, .press]
        var settled = false
        for level in context.near {
            let found = signals(in: level)
            if let specific = found.firstChannel(in: phoneChannels) { return specific }
            if found.contains(.support) { return .hotline }
            if found.contains(.voice) { settled = true; break }
        }
        for level in context.outer {
            let found = signals(in: level)
            if found.contains(.channel(.hotline)) || found.contains(.support) { return .hotline }
            if !settled, let specific = found.firstChannel(in: phoneChannels) { return specific }
        }
        if let type = context.structuredType { return structuredChannel(type, default: .phone) }
        return .phone
    }

    /// The channel of an e-mail address: `email`, or `press` when the text says it is
    /// for journalists.
    static func emailChannel(_ context: Context) -> Channel {
        if context.near.contains(where: { signals(in: $0).contains(.channel(.press)) }) { return .press }
        if let type = context.structuredType, type.contains("press") || type.contains("media") { return .press }
        return .email
    }

    /// The channel a schedule describes. Words about calls and operators mean the phone
    /// line (the hotline in a support context); otherwise the nearest channel word.
    static func hoursChannel(_ context: Context, phoneChannelInBlock: Channel?) -> Channel {
        let hoursChannels: Set<Channel> = [.chat, .form, .email, .fax, .messenger, .office, .hotline, .press]
        // Only the words before a schedule label it ("Чат активен: 08:00-20:00"); what
        // follows it is usually another remark ("…без обращения к телефонному
        // оператору") and is still seen as part of the block.
        let levels = Array(context.near.prefix(1)) + context.outer
        for (depth, level) in levels.enumerated() {
            let found = signals(in: level)
            if let specific = found.firstChannel(in: hoursChannels) {
                return specific
            }
            if found.contains(.voice) || found.contains(.support) {
                return voiceChannel(levels: Array(levels[depth...]))
            }
            // A schedule in the same block as a number is that number's schedule.
            if depth == 0, let phoneChannelInBlock { return phoneChannelInBlock }
        }
        if let type = context.structuredType { return structuredChannel(type, default: .unknown) }
        return .unknown
    }

    private static func voiceChannel(levels: [String]) -> Channel {
        for level in levels {
            let found = signals(in: level)
            if found.contains(.channel(.hotline)) || found.contains(.support) { return .hotline }
        }
        return .phone
    }

    /// schema.org `contactType`: "customer service", "technical support", "sales", ...
    static func structuredChannel(_ type: String, default fallback: Channel) -> Channel {
        let lower = type.lowercased()
        if lower.contains("fax") { return .fax }
        if lower.contains("press") || lower.contains("media") { return .press }
        if lower.contains("support") || lower.contains("customer") || lower.contains("service") || lower.contains("help") {
            return .hotline
        }
        return fallback
    }
}

extension Array where Element == ChannelClassifier.Signal {
    func firstChannel(in allowed: Set<Channel>) -> Channel? {
        for signal in self {
            if case .channel(let channel) = signal, allowed.contains(channel) { return channel }
        }
        return nil
    }
}
