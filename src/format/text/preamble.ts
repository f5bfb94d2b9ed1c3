/** The text's header part: banner, captions, passing lines, E.O., TAGS, SUBJECT, REF, Classified By. */
import type { ClassifiedBy, EoLine, PortionMarking, Reference, Tag } from '../cable.ts';
import { issue, type Issue } from '../issue.ts';
import type { ParseContext } from '../parse-context.ts';
import { parsePortionMarking } from '../portion-mark.ts';
import { parseReferences, startsWithCableId } from '../references.ts';
import { readBanner } from './banner.ts';
import { cutSubjectTail } from './subject-tail.ts';
import { parseClassifiedBy } from './classified-by.ts';
import { parseEoLine } from './eo-line.ts';
import {
  captionWords,
  eoIndex,
  isClassifiedBy,
  isEoLine,
  paragraphNumber,
  refKeyword,
  subjectKeyword,
  tagsKeyword,
} from './line-kind.ts';
import { parseTags } from './tags.ts';
import type { CitingCable } from './parse-text.ts';
import { isBlank, type TextLine } from './text-line.ts';

export interface Preamble {
  readonly classificationLine: string | null;
  readonly messageReference: string | null;
  readonly section: { readonly number: number; readonly of: number } | null;
  readonly captions: string[];
  readonly passingLines: string[];
  readonly eo: EoLine | null;
  readonly tags: Tag[];
  readonly subject: string | null;
  readonly subjectMarking: PortionMarking | null;
  readonly references: Reference[];
  readonly classifiedBy: ClassifiedBy | null;
  /** The text lines with folded lines split apart; the body is read from these. */
  readonly lines: readonly TextLine[];
  /** Index in `lines` where the body (paragraphs) starts. */
  readonly bodyStart: number;
  /**
   * True when the header part was read up to a line that stops every look-ahead (a numbered
   * paragraph or the start of a glued body) inside the lines given: more lines would not have
   * changed what was read.
   */
  readonly stopped: boolean;
  /** Blank lines between the last field and the body. */
  readonly bodyGap: number;
  /** Blank lines before each unit read, in order. */
  readonly gaps: number[];
  readonly layout: Record<string, unknown>;
  /**
   * What the header's blank lines hold (" " or ""; undefined without blank lines), and the hints
   * that follow it in the layout: the caller writes headBlank only where it differs from the
   * body's, so these are kept out of `layout` (no key has to be deleted later).
   */
  readonly headBlank: string | undefined;
  /** Each undefined where it is not written (one object shape, no spreads). */
  readonly lateLayout: {
    readonly captionRefs: number[][] | undefined;
    readonly captionTails: string[] | undefined;
    readonly passingTails: string[] | undefined;
  };
}

/** Splits a line folded from several fields (`E.o. 12958: decl: … Tags: … Subject: …`). */
const SUBJECT_FOLD = /\s(?=REFS?:\s|Classified [Bb]y|CLASSIFIED BY)/;
/** An E.O. clause that says what it is: `E.O. 12958: DECL: …`, `EO 12958 N/A`, `E.O. 13526: 05/20/19`. */
const EO_CLAUSE = /^(?:E\.O\.|E\.o\.|EO)\s*\d{4,5}\s*:?\s*(?:DECL|decl|Decl|N\/A|\d)/;
/** An old-style page marker: `PAGE 02 ROME 01196 01 OF 02 082030Z`, after a classification line. */
const OLD_PAGE_MARKER = /^PAGE \d{2} [A-Z][A-Z ]* \d{4,6} +\d{2} OF \d{2} +\d{6}Z\s*/;
const PAGE_MARKER = /^[A-Z][A-Z .'-]* \d{8}\s+\d{3}(?:\.\d)? +OF +\d{3}\b\s*/;
const FOLD =
  /\s(?=(?:TAGS|Tags|tags)\s*:|(?:SUBJECT|Subject|SUBJ)\s*:|E\.O\.\s*\d|Classified [Bb]y|CLASSIFIED BY)/;

/** Adds the words not yet among the captions; returns how many were added. */
function addCaptions(captions: string[], words: readonly string[]): number {
  let kept = 0;
  for (const w of words)
    if (!captions.includes(w)) {
      captions.push(w);
      kept++;
    }
  return kept;
}

/** True when a (trimmed) line starts a field (E.O., TAGS, SUBJECT, REF, Classified By), not a continuation. */
function startsField(t: string): boolean {
  return (
    isEoLine(t) ||
    tagsKeyword(t) > 0 ||
    subjectKeyword(t) > 0 ||
    refKeyword(t) > 0 ||
    isClassifiedBy(t)
  );
}

/**
 * Reads the text header from `lines` (the whole text). Stops at the first paragraph or at prose
 * after the fields.
 */
export function parsePreamble(
  ctx: ParseContext,
  all: readonly TextLine[],
  citing: CitingCable,
): Preamble {
  const issues = ctx.issues;
  const lines: TextLine[] = [];
  const layout: Record<string, unknown> = {};
  const gaps: number[] = [];
  let classificationLine: string | null = null;
  let messageReference: string | null = null;
  let section: Preamble['section'] = null;
  let from = 0;
  const first = all[0];
  const banner = first ? readBanner(first.text) : null;
  if (first && banner) {
    classificationLine = banner.classificationLine;
    messageReference = banner.messageReference;
    section = banner.section;
    gaps.push(0);
    if (banner.misspelt)
      issues.push(
        issue(
          'text.banner.misspelt',
          'warning',
          `classification line "${banner.classificationLine}" is misspelt`,
          {
            line: first.line,
            column: first.column + banner.offset,
            field: 'classificationLine',
          },
        ),
      );
    if (messageReference === null)
      issues.push(
        issue(
          'text.mrn.missing',
          'warning',
          'classification line has no message reference (e.g. STATE 098975)',
          {
            line: first.line,
            field: 'messageReference',
          },
        ),
      );
    const rest = banner.rest;
    if (isBlank(rest)) {
      if (rest !== '') layout.bannerTail = rest;
    } else {
      // Glued: the rest of the folded line holds further fields.
      const column = first.column + first.text.length - rest.length;
      issues.push(
        issue(
          'text.line.folded',
          'info',
          'fields follow the classification line on the same line',
          {
            line: first.line,
            column,
          },
        ),
      );
      for (const piece of unfold(rest.trim(), first.line, column, true)) lines.push(piece);
    }
    from = 1;
  } else if (first) {
    issues.push(
      issue(
        'text.banner.missing',
        'warning',
        'the text has no classification line (partial extract?)',
        {
          line: first.line,
          field: 'classificationLine',
        },
      ),
    );
  }
  for (let i = from; i < all.length; i++) lines.push(all[i]!);
  const folds = splitFolds(lines, issues);
  const bodyPiece = folds === true ? null : folds;

  const captions: string[] = [];
  const captionLines: number[] = [];
  const captionRefs: number[][] = [];
  const captionTails: string[] = [];
  const passingTails: string[] = [];
  const passingLines: string[] = [];
  let eo: EoLine | null = null;
  let tags: Tag[] | null = null;
  let subject: string | null = null;
  let subjectMarking: PortionMarking | null = null;
  let references: Reference[] = [];
  let classifiedBy: ClassifiedBy | null = null;
  let seenFields = false;
  let lastField: 'eo' | 'tags' | 'subject' | 'ref' | 'classifiedBy' | null = null;
  let blanks = 0;
  let spaceBlanks = 0;
  let emptyBlanks = 0;
  let i = 0;
  let bodyAt = lines.length;
  for (; i < lines.length; i++) {
    const tl = lines[i]!;
    const raw = tl.text;
    if (isBlank(raw)) {
      blanks++;
      if (raw === ' ') spaceBlanks++;
      else if (raw === '') emptyBlanks++;
      continue;
    }
    if (tl === bodyPiece) {
      bodyAt = i;
      break;
    }
    let t = raw.trimStart();
    let indent = raw.length - t.length;
    // A page marker in the header part ("TRIPOLI 00000430  001.2 OF 004"), possibly with text after it.
    const marker = digitBeforeOf(t) ? PAGE_MARKER.exec(t) : null;
    if (marker) {
      issues.push(
        issue('text.page.marker', 'info', 'page marker in the text header removed', {
          line: tl.line,
        }),
      );
      const rest = t.slice(marker[0].length);
      if (rest.trim() === '') continue;
      lines[i] = { text: rest, line: tl.line, column: tl.column + indent + marker[0].length };
      t = rest;
      indent = 0;
    }
    // A repeated banner (media copies repeat the folded header): report it, read what it folds.
    const c0 = t.charCodeAt(0);
    if (
      i > 0 &&
      (c0 === 67 || c0 === 83 || c0 === 85) && // C, S, U
      (t.startsWith('C O N') || t.startsWith('S E C') || t.startsWith('UNCLAS'))
    ) {
      const again = readBanner(t);
      if (again?.strong) {
        issues.push(
          issue('text.banner.repeated', 'info', 'the classification line is repeated', {
            line: tl.line,
          }),
        );
        const pieces =
          again.rest.trim() === '' ? [] : unfold(again.rest.trim(), tl.line, tl.column, true);
        // The folded copy may run on into the body ("… SUBJECT: X 1. (C) text"): cut it there.
        const last = pieces[pieces.length - 1];
        const cut = last ? gluedBodyAt(last.text) : -1;
        if (last && cut > 0)
          pieces.splice(
            pieces.length - 1,
            1,
            { text: last.text.slice(0, cut).trimEnd(), line: last.line, column: last.column },
            { text: last.text.slice(cut), line: last.line, column: last.column + cut },
          );
        lines.splice(i, 1, ...pieces);
        i--;
        continue;
      }
    }
    const para = paragraphNumber(t);
    if (para !== null) {
      bodyAt = i;
      break;
    }
    const words = captionWords(t);
    if (words !== null && !seenFields && classifiedBy === null) {
      const kept = addCaptions(captions, words);
      // Every caption line stays a line (a repeated SIPDIS too), written by caption index.
      gaps.push(blanks);
      captionLines.push(kept);
      captionRefs.push(indexesIn(words, captions));
      captionTails.push(tailOf(raw));
      if (kept < words.length)
        issues.push(
          issue('text.caption.repeated', 'info', `caption ${words.join(' ')} repeated`, {
            line: tl.line,
            field: 'captions',
          }),
        );
      blanks = 0;
      continue;
    }
    const eoAt = isEoLine(t) ? 0 : eo === null ? eoIndex(t) : -1;
    if (eoAt >= 0) {
      let lead = t.slice(0, eoAt).trim();
      const leadWords = lead === '' ? [] : captionWords(lead);
      if (eoAt === 0 || leadWords !== null) {
        if (leadWords && leadWords.length > 0) {
          layout.eoCaptions = addCaptions(captions, leadWords);
          const refs = indexesIn(leadWords, captions);
          if (layout.eoCaptions !== refs.length) layout.eoCaptionRefs = refs;
        }
        const text = t.slice(eoAt);
        if (eo !== null)
          issues.push(
            issue('text.eo.repeated', 'warning', 'a second E.O. line', {
              line: tl.line,
              field: 'eo',
            }),
          );
        else eo = parseEoLine(text, tl.line, issues, tl.column + indent + eoAt);
        gaps.push(blanks);
        blanks = 0;
        seenFields = true;
        lastField = 'eo';
        continue;
      }
      // A passing line with the E.O. line glued after it (`DEPT FOR NEA/MAG E.O. 12958: DECL: …`,
      // 09TRIPOLI924): the passing line is kept, the rest read again as its own line(s).
      if (!seenFields && classifiedBy === null && EO_CLAUSE.test(t.slice(eoAt))) {
        const column = tl.column + indent + eoAt;
        issues.push(
          issue('text.line.folded', 'info', 'the E.O. line follows a passing line', {
            line: tl.line,
            column,
          }),
        );
        // Captions may stand before it too (`NOFORN SIPDIS DEPT FOR NEA/MAG E.O. …`).
        const words = lead.split(/\s+/);
        for (let k = Math.min(4, words.length - 1); k > 0; k--) {
          const caps = captionWords(words.slice(0, k).join(' '));
          if (caps === null) continue;
          addCaptions(captions, caps);
          lead = words.slice(k).join(' ');
          break;
        }
        passingLines.push(lead);
        passingTails.push('');
        gaps.push(blanks);
        blanks = 0;
        lines.splice(i, 1, ...unfold(t.slice(eoAt), tl.line, column, false));
        i--;
        continue;
      }
    }
    const tk = tagsKeyword(t);
    if (tk > 0) {
      const key = t.slice(0, tk).trimEnd();
      if (key !== 'TAGS:') layout.tagsKey = key;
      let text = t.slice(key.length);
      // Wrapped TAGS: a trailing comma, or a next line of nothing but codes.
      while (i + 1 < lines.length) {
        if (lines[i + 1] === bodyPiece) break;
        const next = lines[i + 1]!.text.trim();
        if (next === '' || startsField(next) || paragraphNumber(next) !== null) break;
        if (!/,\s*$/.test(text) && !/^[A-Z]{2,6}(?:[,\s]+[A-Z]{2,6})*[,\s]*$/.test(next)) break;
        text += ` ${next}`;
        i++;
      }
      const pad = /^\s*/.exec(text)![0];
      const tagsTail = text.trim() === '' ? '' : tailOf(text);
      if (tagsTail !== '') layout.tagsTail = tagsTail;
      if (pad !== ' ') layout.tagsPad = pad;
      const sep = /[A-Za-z0-9)](\s*,\s*|\s+)(?=[A-Za-z(])/.exec(text.trim());
      if (sep && sep[1] !== ', ') layout.tagsSep = sep[1];
      if (tags !== null)
        issues.push(
          issue('tags.repeated', 'warning', 'a second TAGS line', { line: tl.line, field: 'tags' }),
        );
      else {
        tags = parseTags(text, tl.line, issues, ctx.reference);
        if (tags.length === 0)
          issues.push(
            issue('tags.empty', 'warning', 'the TAGS line is empty', {
              line: tl.line,
              field: 'tags',
            }),
          );
      }
      gaps.push(blanks);
      blanks = 0;
      seenFields = true;
      lastField = 'tags';
      continue;
    }
    const sk = subjectKeyword(t);
    if (sk > 0) {
      const key = t.slice(0, sk);
      if (key !== 'SUBJECT: ') layout.subjectKey = key;
      const parts = [t.slice(sk).trim()];
      const tails = [tailOf(t)];
      while (i + 1 < lines.length) {
        if (lines[i + 1] === bodyPiece) break;
        const next = lines[i + 1]!.text;
        const nt = next.trim();
        if (nt === '' || startsField(nt) || paragraphNumber(nt) !== null) break;
        parts.push(nt);
        tails.push(tailOf(next));
        i++;
      }
      if (anyNonEmpty(tails)) layout.subjectTails = tails;
      let text = joinNonEmpty(parts, ' ');
      const breaks: number[] = [];
      let at = 0;
      for (const p of parts.slice(0, -1)) {
        at += p.length;
        breaks.push(at);
        at += 1;
      }
      const mark = /^\([^()]{1,60}\)\s*/.exec(text);
      const m = mark ? parsePortionMarking(mark[0], ctx.reference) : null;
      if (mark && m) {
        subjectMarking = m;
        text = text.slice(mark[0].length);
        const shift = mark[0].length;
        for (let b = 0; b < breaks.length; b++) breaks[b] = breaks[b]! - shift;
        if (mark[0] !== `${m.raw} `) layout.subjectMarkSep = mark[0].slice(m.raw.length);
      }
      // What ran on after the subject (page marker, SIPDIS, a glued REF …) is not part of it.
      const tail = cutSubjectTail(text, ctx.reference?.stations);
      if (tail.cut !== '') {
        issues.push(
          issue(
            'text.subject.tail',
            'info',
            `"${tail.cut.slice(0, 40)}" after the subject is not part of it`,
            { line: tl.line, field: 'subject' },
          ),
        );
        text = tail.subject;
        if (tail.mark !== null && subjectMarking === null)
          subjectMarking = parsePortionMarking(tail.mark, ctx.reference);
        if (tail.ref !== null && references.length === 0)
          references = parseReferences(ctx, tail.ref, tl.line, citing.year);
      }
      if (breaks.length > 0 && allPositive(breaks)) layout.subjectBreaks = breaks;
      if (subject !== null)
        issues.push(
          issue('text.subject.repeated', 'warning', 'a second SUBJECT line', {
            line: tl.line,
            field: 'subject',
          }),
        );
      else subject = text;
      gaps.push(blanks);
      blanks = 0;
      seenFields = true;
      lastField = 'subject';
      continue;
    }
    const rk = refKeyword(t);
    if (rk > 0) {
      const key = t.slice(0, rk);
      if (key !== 'REF: ') layout.refKey = key;
      const block = [t.slice(rk)];
      let j = i + 1;
      let pending = 0;
      // The upper-case letter of the last lettered line: `l. Mtcr poc 201/2006` continues `k.`.
      let lastLabel = lineLabel(block[0]!);
      for (; j < lines.length; j++) {
        if (lines[j] === bodyPiece) break;
        const nt = lines[j]!.text;
        const trimmed = nt.trim().replace(/^¶\s*/, '');
        if (trimmed === '') {
          pending++;
          continue;
        }
        // An old-style page break inside the block: ` CONFIDENTIAL` then
        // `PAGE 02 ROME 01196 01 OF 02 082030Z  B. ROME 1098 …` (02ROME1196).
        if (
          (trimmed === 'CONFIDENTIAL' || trimmed === 'SECRET' || trimmed === 'UNCLASSIFIED') &&
          OLD_PAGE_MARKER.test(lines[j + 1]?.text ?? '')
        )
          continue;
        const page = trimmed.startsWith('PAGE ') ? OLD_PAGE_MARKER.exec(trimmed) : null;
        if (page) {
          issues.push(
            issue(
              'ref.page-marker',
              'info',
              `page marker "${page[0].trim()}" inside the REF block ignored`,
              {
                line: lines[j]!.line,
                field: 'references',
              },
            ),
          );
          const rest = trimmed.slice(page[0].length);
          if (rest !== '') block.push(rest);
          continue;
        }
        if (startsField(trimmed) || paragraphNumber(trimmed) !== null) break;
        // The banner repeated with the folded header (04HELSINKI1603) ends the block.
        if (
          trimmed.startsWith('C O N F') ||
          trimmed.startsWith('S E C R E T') ||
          trimmed.startsWith('UNCLAS')
        )
          break;
        // "(C) text" is a marked paragraph, not reference C, unless a cable number follows soon.
        const prose =
          /^\((?:U|C|S|SBU|TS)\)/.test(trimmed) &&
          !startsWithCableId(trimmed.slice(3).trimStart(), ctx.reference?.stations); // (C) State 152009
        // Items may be written in lower case (`b. 08 baku 1119`), a caption on its own line.
        const item =
          !prose &&
          (/^\(?[A-Z]\s?[.)]\s*\S/.test(trimmed) ||
            (/^[a-z][.)]\s*\S/.test(trimmed) &&
              (trimmed.charCodeAt(0) - 32 === lastLabel + 1 ||
                startsWithCableId(trimmed.slice(2).trimStart(), ctx.reference?.stations))) ||
            /^(?:\d{2,4}\s+)?[A-Z][A-Z .'-]*\s\d+/.test(trimmed) ||
            /^\(notal\)$/i.test(trimmed));
        const indented = /^\s{2,}/.test(nt);
        if (!(item || (pending === 0 && (indented || /[,;]\s*$/.test(block[block.length - 1]!)))))
          break;
        for (let p = 0; p < pending; p++) block.push('');
        pending = 0;
        block.push(nt);
        lastLabel = lineLabel(trimmed);
      }
      i = j - pending - 1;
      references = parseReferences(ctx, block.join('\n'), tl.line, citing.year);
      const refTails = block.filter((b) => b !== '').map(tailOf);
      if (anyNonEmpty(refTails)) layout.refTails = refTails;
      gaps.push(blanks);
      blanks = 0;
      seenFields = true;
      lastField = 'ref';
      continue;
    }
    if (isClassifiedBy(t)) {
      const block = [t];
      while (i + 1 < lines.length && block.length < 3) {
        if (lines[i + 1] === bodyPiece) break;
        const nt = lines[i + 1]!.text.trim();
        if (nt === '' || startsField(nt) || paragraphNumber(nt) !== null) break;
        // A wrapped block continues only while its reasons are unfinished.
        const done = anyMatches(block, HAS_REASON);
        if (done && /[.)]\s*$/.test(block[block.length - 1]!)) break;
        if (done && /^\(?[A-Z]/.test(nt) && !/^\(?[A-Ha-h]\)/.test(nt)) break;
        block.push(lines[i + 1]!.text);
        i++;
      }
      classifiedBy = parseClassifiedBy(block.join('\n'));
      if (classifiedBy.reasons.length === 0)
        issues.push(
          issue(
            'text.classifiedBy.reasons.missing',
            'warning',
            'Classified By names no reason (e.g. 1.4(b))',
            {
              line: tl.line,
              field: 'classifiedBy.reasons',
            },
          ),
        );
      gaps.push(blanks);
      blanks = 0;
      seenFields = true;
      lastField = 'classifiedBy';
      continue;
    }
    if (!seenFields && classifiedBy === null) {
      // Before E.O./TAGS/SUBJECT anything else routes the cable: "DEPT FOR EUR/RUS", "PASS TO …".
      passingLines.push(t.trimEnd());
      passingTails.push(tailOf(t));
      gaps.push(blanks);
      blanks = 0;
      continue;
    }
    // A stray line between fields (a subject wrapped after a blank line): more fields follow soon.
    // Classified By may come first and the passing line, E.O. and TAGS after it (08BRASILIA93).
    if (
      (classifiedBy === null || (eo === null && tags === null)) &&
      fieldFollows(lines, i + 1, bodyPiece)
    ) {
      if (
        lastField === 'subject' &&
        subject !== null &&
        t === t.toUpperCase() &&
        words === null // a caption (SIPDIS of a repeated banner) does not continue the subject
      ) {
        subject = `${subject} ${t.trim()}`;
        delete layout.subjectBreaks;
        issues.push(
          issue('text.subject.wrapped', 'info', 'the subject continues after a blank line', {
            line: tl.line,
            field: 'subject',
          }),
        );
      } else {
        passingLines.push(t.trimEnd());
        passingTails.push(tailOf(t));
        lastField = null; // what follows a stray line does not continue the subject
        issues.push(
          issue(
            'text.header.line.stray',
            'warning',
            `stray line among the header fields: "${t.trim().slice(0, 40)}"`,
            {
              line: tl.line,
            },
          ),
        );
      }
      blanks = 0;
      continue;
    }
    bodyAt = i;
    break;
  }
  if (bodyAt === lines.length && i >= lines.length) bodyAt = lines.length;
  // What the header's blank lines hold (re-wrapped releases often use " " here and "" below).
  const headBlank = spaceBlanks > emptyBlanks ? ' ' : emptyBlanks > 0 ? '' : undefined;
  const lateLayout = {
    captionRefs: inOrder(captionRefs) ? undefined : captionRefs,
    // Trailing blanks of header lines (re-wrapped releases end most lines with a space).
    captionTails: anyNonEmpty(captionTails) ? captionTails : undefined,
    passingTails: anyNonEmpty(passingTails) ? passingTails : undefined,
  };
  if (eo === null)
    issues.push(
      issue('text.eo.missing', 'warning', 'the text has no E.O. line', {
        line: all[0]?.line ?? 0,
        field: 'eo',
      }),
    );
  if (tags === null)
    issues.push(
      issue('tags.missing', 'warning', 'the text has no TAGS line', {
        line: all[0]?.line ?? 0,
        field: 'tags',
      }),
    );
  if (subject === null)
    issues.push(
      issue('text.subject.missing', 'warning', 'the text has no SUBJECT line', {
        line: all[0]?.line ?? 0,
        field: 'subject',
      }),
    );
  return {
    classificationLine,
    messageReference,
    section,
    captions,
    passingLines,
    eo,
    tags: tags ?? [],
    subject,
    subjectMarking,
    references,
    classifiedBy,
    lines,
    bodyStart: bodyAt,
    stopped: folds !== null,
    bodyGap: blanks,
    gaps,
    layout,
    headBlank,
    lateLayout,
  };
}

/** Splits a folded line at the field keywords it carries; pieces keep their columns. */
function unfold(text: string, line: number, column: number, afterBanner: boolean): TextLine[] {
  const out: TextLine[] = [];
  let rest = text;
  let col = column;
  // After a glued banner, a keyword may follow without a space ("REAPE.O. 12958", "008938SIPDIS").
  const split = afterBanner
    ? /(?=(?:TAGS|Tags)\s*:|SUBJECT\s*:|Subject\s*:|E\.O\.\s*\d|Classified [Bb]y|CLASSIFIED BY|SIPDIS)/
    : subjectKeyword(text) > 0
      ? SUBJECT_FOLD
      : FOLD;
  for (;;) {
    const m = split.exec(rest.slice(1));
    if (!m) break;
    const cut = m.index + 1 + (afterBanner ? 0 : 1);
    const piece = rest.slice(0, cut).trimEnd();
    if (piece !== '') out.push({ text: piece, line, column: col });
    col += cut;
    rest = rest.slice(cut);
  }
  if (rest.trim() !== '') out.push({ text: rest, line, column: col });
  return out;
}

const GLUED_BODY =
  /\s(?:¶\s?)?\d{1,2}\.\s?\((?:U|C|S|SBU|TS|[SC]\/\/?NF|SBU\/NF)\)|\s{2,}\((?:U|C|S|SBU|TS|[SC]\/\/?NF|SBU\/NF)\)\s|\s{2,}(?=CLASSIFIED BY)|[.)]\s+\((?:U|C|S|SBU|TS|[SC]\/\/?NF)\)\s/i;

/** Where a body (or a Classified By block) glued onto a header line starts, or -1. */
function gluedBodyAt(text: string): number {
  // In a REF line `(B) 08 CAIRO 2562 (C) CAIRO 207`, a `(C)` before a cable id is reference C.
  const ref = refKeyword(text) > 0;
  for (let from = 8; from < text.length;) {
    const at = gluedBodyFrom(text, from, ref);
    if (at < 0 || !ref) return at;
    const mark = MARK_THEN_TEXT.exec(text.slice(at));
    if (mark === null) return at;
    // A label ending the line (`(B) ISTANBUL 421 (C)` / `ISTANBUL 290`) or before a cable id.
    const after = text.slice(at + mark[0].length);
    if (after.trim() !== '' && !startsWithCableId(after)) return at;
    from = at + mark[0].length;
  }
  return -1;
}

/** A portion mark and the blanks after it, with what may stand before it (`.`, `)`). */
const MARK_THEN_TEXT = /^[.)\s]*\([A-Z]\)\s*/;

/** gluedBodyAt from `from` on (at least 8: the keyword is never the body). */
function gluedBodyFrom(text: string, from: number, ref: boolean): number {
  let m = GLUED_BODY.exec(text.slice(from));
  // A long REF line: prose right after the last cable number ("REF: SECSTATE 102414 We delivered …").
  if (!m && text.length > 100 && ref) m = /\d\)?\s+(?=[A-Z][a-z]+\s+[a-z])/.exec(text.slice(from));
  let digit = false;
  if (!m) {
    m = /\d\s(?=\((?:U|C|S|SBU|TS|[SC]\/\/?NF|SBU\/NF)\)\s)/.exec(text.slice(from));
    digit = m !== null; // the match starts at the digit, which stays with the header
  }
  if (!m) return -1;
  let at = m.index + from + (digit ? 1 : 0);
  while (text[at] === ' ' || text[at] === '.') at++;
  return at;
}

/** A reason with its letter ("1.4 (b)", "1.5B", "1,4 (C)"): a Classified By block is complete. */
const HAS_REASON = /\b1\s?[.,/]\s?[4-6]\s*\(?\s*[a-hA-H]\b/;

/** A field name (or a lettered reference's ¶) somewhere in the line: one regex pass, not five searches. */
const FOLD_GATE = /REF|lassified|LASSIFIED|[:¶]/;

const MID_FIELD =
  /\s(?=REFS?:\s|Refs?:\s|Classified By:|CLASSIFIED BY:|Classified By\s|CLASSIFIED BY\s)/;

/**
 * Splits header lines that carry several fields (`SUBJECT: … REF: … Classified By: … (C) text`),
 * as some media copies fold them, so each field starts a line. Stops at the body: returns the
 * glued body's first piece, true at a numbered paragraph, null when the lines ran out first.
 */
function splitFolds(lines: TextLine[], issues: Issue[]): TextLine | true | null {
  for (let i = 0; i < lines.length && i < 80; i++) {
    const tl = lines[i]!;
    if (tl.text.length < 30) continue;
    const t = tl.text.trimStart();
    const indent = tl.text.length - t.length;
    if (paragraphNumber(t) !== null) return true;
    // Cheap gate: only lines naming a field (or a lettered reference) can be folded.
    if (!FOLD_GATE.test(t)) continue;
    let cut = -1;
    let body = false;
    const fields = isEoLine(t) || tagsKeyword(t) > 0 ? FOLD : MID_FIELD;
    // MID_FIELD needs REF, Classified By or CLASSIFIED BY after the first blank it may cut at.
    const m =
      fields === MID_FIELD &&
      t.indexOf('REF', 5) === -1 &&
      t.indexOf('Ref', 5) === -1 &&
      t.indexOf('Classified By', 5) === -1 &&
      t.indexOf('CLASSIFIED BY', 5) === -1
        ? null
        : fields.exec(t.slice(4));
    // Not a fold when only the keyword stands before it ("CLASSIFIED BY: CLASSIFIED BY …").
    if (m && !/^(?:\([A-Z]+\)\s*)?CLASSIFIED\s+BY\s*:?\s*$/i.test(t.slice(0, m.index + 5)))
      cut = m.index + 5;
    if (
      refKeyword(t) > 0 ||
      isClassifiedBy(t) ||
      /^¶?\s*\(?[A-Z][.)]\s/.test(t) ||
      /^REASONS?\b/i.test(t)
    ) {
      const glued = gluedBodyAt(t);
      if (glued > 0 && (cut === -1 || glued < cut)) {
        cut = glued;
        body = true;
      }
    }
    if (cut <= 0 || cut >= t.length) continue;
    issues.push(
      issue(
        'text.line.folded',
        'info',
        body ? 'the body starts on a header line' : 'several fields share one line',
        {
          line: tl.line,
          column: tl.column + indent + cut,
        },
      ),
    );
    const second = {
      text: t.slice(cut).trimStart(),
      line: tl.line,
      column: tl.column + indent + cut,
    };
    lines.splice(
      i,
      1,
      { text: t.slice(0, cut).trimEnd(), line: tl.line, column: tl.column + indent },
      second,
    );
    if (body) return second;
  }
  return null;
}

/** True when a field line (REF, Classified By, SUBJECT, TAGS, E.O.) comes within a few lines, before any paragraph. */
function fieldFollows(lines: readonly TextLine[], from: number, stop: TextLine | null): boolean {
  let seen = 0;
  for (let j = from; j < lines.length && seen < 4; j++) {
    const l = lines[j]!;
    if (l === stop) return false;
    const t = l.text.trimStart();
    if (t === '') continue;
    seen++;
    if (paragraphNumber(t) !== null) return false;
    if (
      refKeyword(t) > 0 ||
      isClassifiedBy(t) ||
      subjectKeyword(t) > 0 ||
      tagsKeyword(t) > 0 ||
      isEoLine(t)
    )
      return true;
  }
  return false;
}

/** The upper-case char code of a line's label (`b. 08 baku`, `(C) CAIRO 207`), or -1. */
function lineLabel(text: string): number {
  const m = /^\s*(?:¶\s*)?\(?([A-Za-z])\s?[.)]/.exec(text);
  return m ? m[1]!.toUpperCase().charCodeAt(0) : -1;
}

/** The blanks a line ends with. */
function tailOf(text: string): string {
  let e = text.length;
  while (e > 0 && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
  return text.slice(e);
}

/** True when " OF " follows a digit (and blanks) somewhere in `t`: a page marker may be there. */
function digitBeforeOf(t: string): boolean {
  for (let k = t.indexOf(' OF '); k !== -1; k = t.indexOf(' OF ', k + 1)) {
    let j = k;
    while (t.charCodeAt(j) === 32) j--;
    const c = t.charCodeAt(j);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

// Loops rather than array callbacks: these run for every cable, and under tsx each arrow
// function made per call costs a property definition (its name).

/** Whether any of `xs` is not the empty string. */
function anyNonEmpty(xs: readonly string[]): boolean {
  for (const x of xs) if (x !== '') return true;
  return false;
}

/** The non-empty strings of `xs` joined with `sep` (what filter-then-join gives). */
function joinNonEmpty(xs: readonly string[], sep: string): string {
  let out = '';
  for (const x of xs) if (x !== '') out = out === '' ? x : out + sep + x;
  return out;
}

/** Whether every number is above zero. */
function allPositive(xs: readonly number[]): boolean {
  for (const x of xs) if (x <= 0) return false;
  return true;
}

/** Whether any of `xs` matches `re` (a non-global pattern). */
function anyMatches(xs: readonly string[], re: RegExp): boolean {
  for (const x of xs) if (re.test(x)) return true;
  return false;
}

/** Where each word sits in `captions`. */
function indexesIn(words: readonly string[], captions: readonly string[]): number[] {
  const out: number[] = [];
  for (const w of words) out.push(captions.indexOf(w));
  return out;
}

/** Whether caption line k holds exactly caption k, for every line (the usual case). */
function inOrder(refs: readonly (readonly number[])[]): boolean {
  for (let k = 0; k < refs.length; k++) {
    const r = refs[k]!;
    if (r.length !== 1 || r[0] !== k) return false;
  }
  return true;
}
