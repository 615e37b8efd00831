"""The extractor a user would otherwise write: lxml parses each page, phonenumbers'
PhoneNumberMatcher finds phones in its text, a regex finds e-mails. Phones and e-mails
only (no hours, channels or structured data), single-threaded, same corpus as
contact-audit-bench. Prints MB/s.

usage: python peer.py CORPUS_DIR [ROUNDS]
"""
import os
import re
import sys
import time

import lxml.html
import phonenumbers

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


def load(directory):
    pages = []
    for root, _, files in os.walk(directory):
        for name in sorted(files):
            if name.endswith((".html", ".htm")):
                with open(os.path.join(root, name), "rb") as f:
                    pages.append(f.read())
    return pages


def extract(page):
    try:
        tree = lxml.html.fromstring(page)
    except Exception:
        return 0
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    text = tree.text_content()
    found = 0
    for match in phonenumbers.PhoneNumberMatcher(text, "US"):
        found += 1
    found += len(EMAIL.findall(text))
    return found


def main():
    directory = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    pages = load(directory)
    megabytes = sum(map(len, pages)) / 1e6
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        total = sum(extract(page) for page in pages)
        best = min(best, time.perf_counter() - start)
    print("peer (lxml + phonenumbers + e-mail regex, 1 thread): %.1f MB/s  (%d values)" % (megabytes / best, total))


if __name__ == "__main__":
    main()
