/** Human-readable field listing of a parsed cable, for `chancery parse` without --json. */
import type { Addressee, Cable } from '../../format/cable.ts';
import { cableId } from '../../format/cable-json.ts';
import type { Issue } from '../../format/issue.ts';
import { formatIssue } from './issue-text.ts';

const addressee = (a: Addressee): string =>
  [a.routingIndicator ? `${a.routingIndicator}/${a.name}` : a.name, a.precedence, a.serial]
    .filter(Boolean)
    .join(' ');

/** One "field: value" line per present field, then the paragraphs and the issues. */
export function presentCableText(cable: Cable, issues: readonly Issue[], file: string): string {
  const h = cable.header;
  const rows: [string, string | null | undefined][] = [
    ['id', cableId(cable)],
    ['created', cable.archive?.created],
    ['released', cable.archive?.released],
    ['classification', cable.archive?.classification],
    ['origin', cable.archive?.origin],
    ['channel', h.channel],
    ['precedence', h.precedence],
    ['routing', h.routingIndicators.join(' ') || null],
    [
      'station',
      h.station &&
        `${h.station} #${h.serial ?? '?'}${h.stationSection ? `/${h.stationSection}` : ''}`,
    ],
    ['filed', h.filed],
    ['security warning', h.securityWarning],
    ['dtg', h.dtg ?? h.dtgText],
    ['from', cable.from && addressee(cable.from)],
    ...cable.to.map((a): [string, string] => ['to', addressee(a)]),
    ...cable.info.map((a): [string, string] => ['info', addressee(a)]),
    ...cable.xmt.map((a): [string, string] => ['xmt', addressee(a)]),
    ['banner', cable.classificationLine],
    ['reference', cable.messageReference],
    ['section', cable.section && `${cable.section.number} of ${cable.section.of}`],
    ['captions', cable.captions.join(' ') || null],
    ...cable.passingLines.map((p): [string, string] => ['passing', p]),
    [
      'e.o.',
      cable.eo &&
        [
          cable.eo.order,
          cable.eo.declassifyOn ?? cable.eo.event ?? (cable.eo.notApplicable ? 'N/A' : null),
        ]
          .filter(Boolean)
          .join(' declassify '),
    ],
    ['tags', cable.tags.map((t) => t.code).join(', ') || null],
    [
      'subject',
      cable.subject &&
        `${cable.subjectMarking ? `${cable.subjectMarking.raw} ` : ''}${cable.subject}`,
    ],
    ...cable.references.map((r): [string, string] => [
      `ref ${r.label ?? ''}`.trim(),
      `${r.id ?? '(not a cable)'}  ${r.text}`,
    ]),
    [
      'classified by',
      cable.classifiedBy &&
        `${cable.classifiedBy.names.join(', ')}${cable.classifiedBy.position ? ` (${cable.classifiedBy.position})` : ''} reasons ${cable.classifiedBy.reasons.join(', ')}`,
    ],
    ['summary', cable.summary && oneLine(cable.summary, 100)],
    ...cable.paragraphs.map((p): [string, string] => [
      `¶${p.number ?? '-'}`,
      `${p.marking?.raw ?? '(unmarked)'} ${oneLine(p.text, 90)}`,
    ]),
    ['signers', cable.signers.join(', ') || null],
  ];
  const lines = [`== ${file}`];
  for (const [k, v] of rows)
    if (v !== null && v !== undefined && v !== '') lines.push(`${k.padEnd(16)} ${v}`);
  for (const i of issues) lines.push(formatIssue(file, i));
  return lines.join('\n');
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
