/** Reads a reader from a short spec: `SECRET/POL`, `TOP SECRET/USA/NODIS,EXDIS`, `S/USA`. */
import { type Issue, issue } from '../format/issue.ts';
import { parseLevel } from './levels.ts';
import type { MarkingRules } from './marking-rules.ts';
import type { Reader } from './reader.ts';

/**
 * Parses `CLEARANCE/NATIONALITY[/ACCESS,ACCESS[/ORGANISATION]]`. The clearance is a level or its
 * abbreviation (U, C, S, TS); the nationality a trigraph (checked against the known countries
 * when `rules` is given, which also accept a country name). Bad specs are an issue `reader.spec.invalid`.
 *
 * @example parseReaderSpec('TOP SECRET/USA/NODIS,EXDIS') // { reader: { clearance: 'TOP SECRET', nationality: 'USA', accesses: ['NODIS', 'EXDIS'], ... } }
 */
export function parseReaderSpec(
  spec: string,
  rules?: MarkingRules,
): { reader: Reader } | { issue: Issue } {
  const bad = (why: string) => ({
    issue: issue('reader.spec.invalid', 'error', `reader spec "${spec}": ${why}`, {
      field: 'reader',
    }),
  });
  const parts = spec.split('/').map((p) => p.trim());
  if (parts.length < 2 || parts.length > 4)
    return bad('expected CLEARANCE/NATIONALITY[/ACCESSES[/ORGANISATION]], e.g. SECRET/POL');
  const [levelText = '', nationText = '', accessText = '', organisation = ''] = parts;
  const clearance = parseLevel(levelText);
  if (clearance === undefined)
    return bad(
      `clearance "${levelText}" is not a level (UNCLASSIFIED, CONFIDENTIAL, SECRET, TOP SECRET or U, C, S, TS)`,
    );
  const nationality = resolveNationality(nationText, rules);
  if (nationality === undefined)
    return bad(`nationality "${nationText}" is not a known country trigraph`);
  const accesses = [
    ...new Set(
      accessText
        .split(',')
        .map((a) => a.trim().toUpperCase())
        .filter((a) => a !== ''),
    ),
  ];
  if (accesses.some((a) => !/^[A-Z][A-Z -]*$/.test(a)))
    return bad(`accesses "${accessText}" must be caption words separated by commas`);
  return {
    reader: {
      kind: 'reader',
      id: spec.trim(),
      clearance,
      nationality,
      accesses,
      organisation: organisation === '' ? null : organisation,
    },
  };
}

function resolveNationality(text: string, rules: MarkingRules | undefined): string | undefined {
  const upper = text.toUpperCase();
  if (!rules) return /^[A-Z]{3}$/.test(upper) ? upper : undefined;
  if (rules.isCountry(upper)) return upper;
  const code = rules.relToCode(upper);
  return code !== undefined && rules.isCountry(code) ? code : undefined;
}
