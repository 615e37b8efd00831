"""Scores `contact-audit extract` against the human annotations of scrapinghub/webstruct
(../shared/corpus/scrapinghub__webstruct/wa_annotations.json: TEL, FAX, EMAIL spans on
153 annotated contact pages), per folder and overall.

Phones are compared as whole numbers (E.164) wherever the annotation decides the country,
so a number read in the wrong country counts as wrong. An annotated span is read with
Python's phonenumbers (an independent port of libphonenumber, not our build) in the first
region that decides it:

  1. the span dials its country: "+44 …", "(+7-495) …", or "00 32 …" (00 is the
     international prefix of most of the world);
  2. a country named in the span's line (the smallest block of the page that holds it:
     a paragraph, cell, list item), by its English CLDR name (phonenumbers' locale data),
     when the number is valid there and in no other country the line names;
  3. the folder's region (REGIONS), when the number is valid there.

A span nothing decides ("(852) 2572-1121" on a page that names no country) is compared
by its last eight digits, as the old score did, and counted as "undecided". A span holding
several numbers ("+91-22-33074700/01/02", "(632) 442-0061, 929-5452") gives every whole
number the matcher finds in it. Columns:

  right          the extracted number is an annotated one
  wrong-country  the extracted number has an annotated number's national digits (its last
                 eight) in another country: a wrong value
  wrong          extracted, annotated nowhere on the page
  missed         annotated, not extracted (and not extracted in a wrong country either)

precision = right / extracted, recall = right / annotated. The old figure (every number
by its last eight digits, spans keyed by all their digits) is printed beside it.

E-mails are compared lower-cased, on the pages whose annotators labelled e-mails.
ANNOTATION_MISSES lists addresses the annotators left out although the page plainly shows
them, each with its page and why; they are not counted against the extractor, and
--show prints them so nobody has to take that on trust.

usage: scripts/eval [--show] [--corpus DIR] [--binary PATH]
(--binary: another build of contact-audit, to score it the same way)
"""
import collections
import html.parser
import json
import os
import re
import subprocess
import sys

import phonenumbers
from phonenumbers.geodata.locale import LOCALE_DATA

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REGIONS = {"us_contact_pages": "US", "business_pages": "US", "random_pages": "US", "nl": "NL"}
# Folders whose annotators did not label e-mails or phones at all (SOURCES.md:
# business_pages have no EMAIL labels; the Dutch pages were annotated for HOURS only).
NO_EMAIL_LABELS = {"business_pages", "nl"}
NO_PHONE_LABELS = {"nl"}

# Addresses a page states that its annotators did not label (they labelled other addresses
# of the same page, so the page was annotated for e-mails): page → {address: why}. All four
# are mailto: targets that the link's visible text does not show; the annotators labelled
# visible text only, so they could not label them. The extractor reports them on purpose:
# the target is where the link sends mail, whatever its text says.
ANNOTATION_MISSES = {
    "scrapinghub__webstruct/us_contact_pages/source/23.html": {
        "specialevents@wcs.org": '<a href="mailto:specialevents@wcs.org">events@wcs.org</a>: the text (labelled) shows another address'},
    "scrapinghub__webstruct/us_contact_pages/source/35.html": {
        "richard@theopiumgroup.com": '<a href="mailto:richard@theopiumgroup.com">SITE BY</a>: the web designer\'s link, no address in its text'},
    "scrapinghub__webstruct/us_contact_pages/source/63.html": {
        "webadmin@law.columbia.edu": 'a mailto:webadmin@law.columbia.edu link whose text is webmaster@law.columbia.edu (labelled)'},
    "scrapinghub__webstruct/us_contact_pages/source/70.html": {
        "gradreports@grad.umass.edu": 'a mailto:gradreports@grad.umass.edu link whose text is gradweb@grad.umass.edu (labelled)'},
}


def english_country_names():
    """Lower-cased English country name → region, from phonenumbers' CLDR-derived locale data."""
    names = {}
    for region, by_language in LOCALE_DATA.items():
        name = by_language.get("en")
        while name and name.startswith("*"):
            name = by_language.get(name[1:])
        if name and len(region) == 2:
            names[name.lower()] = region
    return names


COUNTRY_NAMES = english_country_names()
# Short names addresses use that CLDR's English names do not give.
COUNTRY_NAMES.update({"usa": "US", "u.s.a.": "US", "uk": "GB", "u.k.": "GB"})
# "New Jersey", "New Mexico" are states, not Jersey and Mexico.
COUNTRY_PATTERN = re.compile(r"(?<![\w.])(?<!new )(" + "|".join(sorted(map(re.escape, COUNTRY_NAMES), key=len, reverse=True))
                             + r")(?![\w])")

BLOCK_ELEMENTS = {"p", "div", "td", "th", "li", "dd", "dt", "tr", "address", "h1", "h2", "h3", "h4", "h5", "h6",
                  "section", "article", "header", "footer", "ul", "ol", "table", "tbody", "blockquote", "body",
                  "form", "fieldset", "center", "pre"}


class Blocks(html.parser.HTMLParser):
    """The page's text cut at block elements: each block's text (whitespace collapsed),
    innermost first when blocks nest, so that a span's line is the smallest block holding it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = [[]]
        self.blocks = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in BLOCK_ELEMENTS:
            self.stack.append([])
        elif tag == "br":
            self.stack[-1].append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK_ELEMENTS and len(self.stack) > 1:
            text = " ".join("".join(self.stack.pop()).split())
            self.blocks.append(text)
            self.stack[-1].append(" " + text + " ")

    def handle_data(self, data):
        if not self.skip:
            self.stack[-1].append(data)

    def finish(self):
        while len(self.stack) > 1:
            self.handle_endtag("div")
        self.blocks.append(" ".join("".join(self.stack[0]).split()))
        return sorted(self.blocks, key=len)


def page_blocks(path):
    data = open(path, "rb").read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("windows-1252", errors="replace")
    parser = Blocks()
    parser.feed(text)
    parser.close()
    return parser.finish()


def numbers_in(span, region):
    """Whole numbers (E.164) in an annotated span read in `region`. A vanity number is read
    by its letters ("1-877-SOV-BANK (768-2265)", "(632) 556-IMAX"), as phonenumbers' parser does."""
    if re.search(r"[A-Za-z]{3}", span):
        try:
            # The letters' digits often follow in brackets: read the letters.
            letters = re.split(r"(?<=[A-Za-z0-9])\s*\(|,", span)[0]
            number = phonenumbers.parse(letters, region)
            if phonenumbers.is_valid_number(number):
                return [phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)]
        except phonenumbers.NumberParseException:
            pass
    found = [phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164)
             for m in phonenumbers.PhoneNumberMatcher(span, region, leniency=phonenumbers.Leniency.VALID)]
    if found:
        return found
    try:
        number = phonenumbers.parse(span, region)
    except phonenumbers.NumberParseException:
        return []
    return [phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)] if phonenumbers.is_valid_number(number) else []


def last_eight(digits):
    digits = re.sub(r"\D", "", digits)
    return digits[-8:] if len(digits) >= 7 else None


def first_number_key(text):
    """The last eight digits of the first number a span writes: "044-2270 6800 / 6868" and
    "0712-226 0020 / 30" list further lines by their last digits, "965 23970072-79" a range."""
    text = re.split(r"[/,;]", text)[0]
    text = re.sub(r"(\d{4,})\s*-\s*\d{1,3}\s*$", r"\1", text.strip())
    if re.search(r"[A-Z]{3}", text):
        # "(520) 494 STAR (7827)": the letters' digits, without the bracket that repeats them.
        text = phonenumbers.convert_alpha_characters_in_number(re.split(r"(?<=[A-Za-z0-9])\s*\(", text)[0])
    return old_phone_key(text)


def old_phone_key(text):
    text = re.split(r"(?i)\s*(?:ext\.?|x|extension|доб\.?)\s*\d+\s*$", text.strip())[0]
    return last_eight(text)


def gold_phones(spans, folder, blocks):
    """(decided E.164 numbers, last-eight keys of undecided spans, how each was decided)."""
    decided, undecided, how = set(), set(), collections.Counter()
    page_digits = re.sub(r"\D", "", " ".join(blocks))
    for span in spans:
        text = span.strip()
        # A few annotations were made on another version of the page: a span whose number
        # the page's text does not hold is not scored (--show lists the pages).
        key = first_number_key(text)
        written = last_eight(text)
        if written and written not in page_digits:
            how["not on the page"] += 1
            continue
        international = re.sub(r"^\(\s*\+", "+", text)
        international = re.sub(r"^00\s*(?=[1-9])", "+", international)
        numbers = []
        if international.startswith("+"):
            numbers, reason = numbers_in(international, "US"), "dials +CC"
        named = set()
        if not numbers:
            squeezed = " ".join(text.split())
            line = next((b for b in blocks if squeezed in b), "")
            named = {COUNTRY_NAMES[m.group(1)] for m in COUNTRY_PATTERN.finditer(line.lower())}
            readings = {}
            for region in sorted(named):
                # A line of an international list writes the country's calling code
                # without its "+" ("Indonesia Tel: 62 21 3901007").
                code = str(phonenumbers.country_code_for_region(region))
                if text.startswith(code + " ") or text.startswith(code + "-"):
                    readings[region] = numbers_in("+" + text, region)
                if not readings.get(region):
                    readings[region] = numbers_in(text, region)
            readings = {region: n for region, n in readings.items() if n}
            # "US & Canada" reads a +1 number the same in both.
            if len({tuple(n) for n in readings.values()}) == 1:
                numbers, reason = next(iter(readings.values())), "country on its line"
        # The folder's region decides only where the line names no other country: a number
        # of a Kuwaiti address that no Kuwaiti reading accepts is not American.
        if not numbers and named <= {REGIONS[folder]}:
            numbers, reason = numbers_in(text, REGIONS[folder]), "folder's region"
        if numbers:
            decided.update(numbers)
            how[reason] += 1
        elif key:
            undecided.add(key)
            how["undecided"] += 1
    # A span nothing decides that writes a number another span of the page decides is that number.
    undecided -= {last_eight(number) for number in decided}
    return decided, undecided, how


def score_phones(decided, undecided, found):
    """Counts and the disagreements of one page."""
    counts = collections.Counter()
    matched_gold, wrong_country, wrong = set(), [], []
    decided_by_key = collections.defaultdict(set)
    for number in decided:
        decided_by_key[last_eight(number)].add(number)
    for value in sorted(found):
        key = last_eight(value)
        if value in decided:
            counts["right"] += 1
            matched_gold.add(value)
        elif key in undecided:
            counts["right"] += 1
            matched_gold.add(key)
        elif decided_by_key.get(key):
            counts["wrong-country"] += 1
            matched_gold.update(decided_by_key[key])
            wrong_country.append("%s (annotated %s)" % (value, ", ".join(sorted(decided_by_key[key]))))
        else:
            counts["wrong"] += 1
            wrong.append(value)
    missed = sorted(n for n in decided | undecided if n not in matched_gold)
    counts["missed"] = len(missed)
    counts["found"] = len(found)
    counts["expected"] = len(decided) + len(undecided)
    return counts, missed, wrong, wrong_country


def figure(t):
    precision = t["right"] / t["found"] if t["found"] else 1.0
    recall = t["right"] / t["expected"] if t["expected"] else 1.0
    return precision, recall


def main(argv):
    corpus = os.path.join(ROOT, "..", "shared", "corpus")
    if "--corpus" in argv:
        corpus = argv[argv.index("--corpus") + 1]
    show = "--show" in argv
    binary = os.path.join(ROOT, ".build", "debug", "contact-audit")
    if "--binary" in argv:
        binary = argv[argv.index("--binary") + 1]
    annotations = json.load(open(os.path.join(corpus, "scrapinghub__webstruct", "wa_annotations.json")))

    by_folder = collections.defaultdict(list)
    for page in annotations:
        by_folder[page.split("/")[1]].append(page)

    predicted = {}
    for folder, pages in sorted(by_folder.items()):
        paths = [os.path.join(corpus, page) for page in pages]
        run = subprocess.run([binary, "extract", "--format", "json", "--default-region", REGIONS.get(folder, "US")] + paths,
                             capture_output=True, text=True)
        if run.returncode not in (0,):
            sys.stderr.write(run.stderr)
        for record in json.loads(run.stdout)["records"]:
            page = os.path.relpath(record["source"], corpus)
            predicted.setdefault(page, []).append(record)

    phones = collections.defaultdict(collections.Counter)
    old = collections.defaultdict(collections.Counter)
    emails = collections.defaultdict(collections.Counter)
    decisions = collections.Counter()
    disagreements = []
    not_counted = []
    channel_counts = collections.Counter()
    confusions = []
    for page, gold in sorted(annotations.items()):
        folder = page.split("/")[1]
        records = predicted.get(page, [])
        found = {r["value"] for r in records if r["kind"] == "phone" and len(r["value"].lstrip("+")) >= 7}
        if folder not in NO_PHONE_LABELS:
            spans = gold.get("TEL", []) + gold.get("FAX", [])
            decided, undecided, how = gold_phones(spans, folder, page_blocks(os.path.join(corpus, page)))
            decisions.update(how)
            if how["not on the page"] and not decided and not undecided:
                # Annotated on another version of the page: none of its numbers is there.
                not_counted.append((page, "phones", "none of the %d annotated numbers is in the page's text"
                                    % how["not on the page"]))
                continue
            counts, missed, wrong, wrong_country = score_phones(decided, undecided, found)
            for group in (folder, "all"):
                phones[group].update(counts)
            if missed or wrong or wrong_country:
                disagreements.append((page, "phone", missed, wrong, wrong_country))
            # Channels of the numbers read right: annotated FAX only, or TEL only.
            blocks = page_blocks(os.path.join(corpus, page))
            faxes = gold_phones(gold.get("FAX", []), folder, blocks)[0]
            lines = gold_phones(gold.get("TEL", []), folder, blocks)[0]
            for number in sorted((faxes ^ lines) & found):
                channels = {r["channel"] for r in records if r["kind"] == "phone" and r["value"] == number}
                annotated = "fax" if number in faxes else "phone"
                channel_counts[annotated] += 1
                if (annotated == "fax") != ("fax" in channels):
                    channel_counts[annotated + " confused"] += 1
                    confusions.append((page, number, annotated, sorted(channels)))
            # The old score: last eight digits of everything, spans keyed by all their digits.
            old_gold = {k for k in map(old_phone_key, spans) if k}
            old_found = {k for k in map(last_eight, found) if k}
            for group in (folder, "all"):
                old[group].update(right=len(old_gold & old_found), found=len(old_found), expected=len(old_gold))
        # Annotators labelled e-mails page by page: a page with none labelled was not
        # annotated for e-mails (its addresses are plainly there), so it is not scored.
        if folder not in NO_EMAIL_LABELS and gold.get("EMAIL"):
            expected = {e.strip().lower().rstrip(".") for e in gold.get("EMAIL", []) if "@" in e}
            found_emails = {r["value"] for r in records if r["kind"] == "email" and r["evidence"]["method"] != "hidden"}
            for address, why in ANNOTATION_MISSES.get(page, {}).items():
                if address in found_emails and address not in expected:
                    found_emails.discard(address)
                    not_counted.append((page, address, why))
            right = len(expected & found_emails)
            for group in (folder, "all"):
                emails[group].update(right=right, found=len(found_emails), expected=len(expected),
                                     wrong=len(found_emails - expected), missed=len(expected - found_emails))
            if expected != found_emails:
                disagreements.append((page, "email", sorted(expected - found_emails), sorted(found_emails - expected), []))

    print("phones (whole numbers; a wrong country is wrong)")
    print("  %-18s %9s %6s %6s %6s %6s %7s %13s %6s  %s" % ("folder", "precision", "recall", "found", "gold", "right",
                                                              "wrong", "wrong-country", "missed", "old (last 8 digits)"))
    for group in sorted(phones, key=lambda g: (g == "all", g)):
        t = phones[group]
        precision, recall = figure(t)
        old_precision, old_recall = figure(old[group])
        print("  %-18s %9.3f %6.3f %6d %6d %6d %7d %13d %6d  precision %.3f recall %.3f"
              % (group, precision, recall, t["found"], t["expected"], t["right"], t["wrong"], t["wrong-country"],
                 t["missed"], old_precision, old_recall))
    print("  annotated spans: %s" % ", ".join("%d %s" % (n, how) for how, n in decisions.most_common()))
    print("  channels of right numbers annotated as one kind: %d fax (%d not read as fax), %d phone (%d read only as fax)"
          % (channel_counts["fax"], channel_counts["fax confused"], channel_counts["phone"], channel_counts["phone confused"]))
    print("e-mails")
    print("  %-18s %9s %6s %6s %6s %6s %7s %6s" % ("folder", "precision", "recall", "found", "gold", "right", "wrong", "missed"))
    for group in sorted(emails, key=lambda g: (g == "all", g)):
        t = emails[group]
        precision, recall = figure(t)
        print("  %-18s %9.3f %6.3f %6d %6d %6d %7d %6d" % (group, precision, recall, t["found"], t["expected"],
                                                           t["right"], t["wrong"], t["missed"]))
    if not_counted:
        print("  not counted (--show lists them with why): %d page(s) annotated on another version, %d address(es) the annotators could not see"
              % (sum(1 for n in not_counted if n[1] == "phones"), sum(1 for n in not_counted if n[1] != "phones")))
    print("%d pages, %d disagreements" % (len(annotations), len(disagreements)))
    if show:
        for page, kind, missed, wrong, wrong_country in disagreements:
            line = "%s %s missed=%s wrong=%s" % (page, kind, missed, wrong)
            if wrong_country:
                line += " wrong-country=%s" % wrong_country
            print(line)
        for page, number, annotated, channels in confusions:
            print("%s phone channel: %s annotated %s, read as %s" % (page, number, annotated, "/".join(channels)))
        for page, address, why in not_counted:
            print("%s not counted: %s (%s)" % (page, address, why))


if __name__ == "__main__":
    main(sys.argv)
