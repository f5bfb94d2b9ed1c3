"""Runs cablemap's reader functions over archive-format cables and prints what they extract.

Usage: CABLEMAP_PATH=/tmp/cablemap python3 bench/cablemap/driver.py [--rounds N] < file-list

Reads one cable path per line on stdin (archive format: 5 metadata lines, a blank line, the
telegram). Prints one JSON object per cable on stdout, then one {"kind": "timing", ...} line.
cablemap (heuer/cablemap, BSD) is not part of Chancery: CABLEMAP_PATH must point at a folder
holding the package `cablemap.core` (see docs/format.md, "Against cablemap").

cablemap reads the two <pre> blocks of a Cablegate HTML page: the transmission header and the
telegram text ("content"). The archive format joins them with a blank line, but headers contain
blank lines of their own, so this driver finds the boundary itself (split_record) and then hands
each part to cablemap the way its get_header_as_text / get_content_as_text do: _clean_html (drops
the pilcrows the archive kept) and fix_content (its per-cable repairs).

Only cablemap's work is timed (wall clock and process CPU time): cleaning the two parts and calling the reader functions that its
Cable model calls for the fields compared. Reading files and splitting them is not timed.
The best of --rounds rounds (default 3) is reported; the fields printed come from the last round.
"""

import json
import logging
import os
import re
import sys
import time

# Lines of a transmission header (or of the partial-extract note) that may follow a blank line
# inside the header; the first line after a blank line that is none of these starts the telegram.
_HEADER_LINE = re.compile(
    r"^(?:VZCZC|[A-Z]{1,2} R[A-Z]{4}|DE [A-Z]{4}|ZNY |ZNR |[A-Z](?: [A-Z])? \d{6}Z|\d{6}Z [A-Za-z]{3} \d{2}"
    r"|FM |TO |INFO |XMT |ACTION |BT\s*$|R[A-Z]{4,}/|This record is a partial extract|PAGE \d)"
)


def split_record(text):
    """(reference id, created, header text, telegram text) of one archive record."""
    lines = text.split("\n")
    reference_id = lines[0].strip()
    created = lines[1].strip() if len(lines) > 1 else ""
    telegram = lines[6:]
    prev_blank = True
    start = len(telegram)
    for i, line in enumerate(telegram):
        if line.strip() == "":
            prev_blank = True
            continue
        if prev_blank and not _HEADER_LINE.match(line.lstrip()):
            start = i
            break
        prev_blank = False
    header = "\n".join(telegram[:start])
    content = "\n".join(telegram[start:])
    return reference_id, created, header, content, 6 + start


def extract(reader, c14n, reference_id, created, header_raw, content_raw):
    """What cablemap's Cable model gives for the compared fields (models.Cable's properties)."""
    header = reader.fix_content(reader._clean_html(header_raw), reference_id)
    content = reader.fix_content(reader._clean_html(content_raw), reference_id)
    partial = "This record is a partial extract of the original cable" in header
    return {
        "id": c14n.canonicalize_id(reference_id),
        "partial": partial,
        "to": [] if partial else [[r[0], r[1]] for r in reader.parse_recipients(header, reference_id)],
        "info": [[r[0], r[1]] for r in reader.parse_info_recipients(header, reference_id)],
        "subject": reader.parse_subject(content, reference_id),
        "deadline": reader.parse_nondisclosure_deadline(content),
        "references": [r[0] for r in reader.parse_references(content, created[:4], reference_id)],
        "tags": reader.parse_tags(content, reference_id),
        "summary": reader.parse_summary(content, reference_id),
        "signers": reader.parse_signers(content),
        "classifiedBy": reader.parse_classificationists(content),
    }


def main():
    rounds = 3
    args = sys.argv[1:]
    if "--rounds" in args:
        rounds = int(args[args.index("--rounds") + 1])
    path = os.environ.get("CABLEMAP_PATH")
    if path:
        sys.path.insert(0, path)
    from cablemap.core import c14n, reader  # noqa: E402 (found through CABLEMAP_PATH)

    # cablemap logs a warning per cable without a TO line; printing them would time the terminal.
    logging.getLogger("cablemap").setLevel(logging.CRITICAL)
    records = []
    for name in sys.stdin.read().split("\n"):
        if name.strip() == "":
            continue
        with open(name, encoding="utf-8") as f:
            records.append((name,) + split_record(f.read()))
    best = float("inf")
    best_cpu = float("inf")
    times = []
    results = []
    for _ in range(rounds):
        out = []
        t = time.perf_counter()
        cpu = time.process_time()
        for _name, rid, created, header, content, _start in records:
            out.append(extract(reader, c14n, rid, created, header, content))
        elapsed = time.perf_counter() - t
        best_cpu = min(best_cpu, time.process_time() - cpu)
        times.append(elapsed)
        best = min(best, elapsed)
        results = out
    w = sys.stdout.write
    for (name, _rid, _created, _header, _content, start), fields in zip(records, results):
        fields["file"] = name
        fields["textLine"] = start
        w(json.dumps(fields) + "\n")
    w(json.dumps({"kind": "timing", "cables": len(records), "bestSeconds": best, "bestCpuSeconds": best_cpu, "rounds": times}) + "\n")


if __name__ == "__main__":
    main()
