/** `chancery check [--json] FILE…`: parse each cable and validate it; prints every issue, exits 1 on any error. */
import type { Command } from 'commander';
import { directory } from '../../directory/directory.ts';
import { markingRules } from '../../directory/marking-rules.ts';
import type { Cable } from '../../format/cable.ts';
import { type Issue, hasErrors, issue } from '../../format/issue.ts';
import { parseCable } from '../../format/parse-cable.ts';
import { validateCable } from '../../model/validate.ts';
import { formatIssue } from '../presenters/issue-text.ts';
import { readInputs } from '../read-inputs.ts';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('check cables: format issues and the classification, handling and TAGS rules')
    .argument('<files...>', 'cable files, or - for standard input')
    .option('--json', 'one JSON object per input: { file, issues }')
    .action((files: string[], options: { json?: boolean }) => {
      let failed = false;
      for (const input of readInputs(files)) {
        const issues =
          'error' in input
            ? [issue('file.unreadable', 'error', `cannot read ${input.name}: ${input.error}`)]
            : checkText(input.text);
        failed ||= hasErrors(issues);
        if (options.json) process.stdout.write(`${JSON.stringify({ file: input.name, issues })}\n`);
        else for (const i of issues) process.stdout.write(`${formatIssue(input.name, i)}\n`);
      }
      process.exitCode = failed ? 1 : 0;
    });
}

/**
 * The format issues and the validation issues of one cable's text, validation issues located on
 * the line their field was read from. Where the parser and the validator use the same code
 * (`tags.missing`, `tags.unknown`), the cable gets one issue of that code: the more severe one.
 *
 * @example checkText(seedText).map((i) => i.code) // ['tags.empty', 'tags.missing']
 */
export function checkText(text: string): Issue[] {
  const { format, rules } = checkParts(text);
  const ruleRank = highest(rules);
  const formatRank = highest(format);
  // A shared code stays with the side that rates it higher; a tie keeps the parser's (it has the line).
  const ruleWins = (code: string) => (ruleRank.get(code) ?? -1) > (formatRank.get(code) ?? -1);
  return [
    ...format.filter((i) => !ruleWins(i.code)),
    ...rules.filter((i) => !formatRank.has(i.code) || ruleWins(i.code)),
  ];
}

/** The highest severity rank of each code. */
function highest(issues: readonly Issue[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const i of issues) out.set(i.code, Math.max(out.get(i.code) ?? -1, rank(i)));
  return out;
}

/**
 * The parser's issues and the validator's issues of one cable's text, kept apart (for counting).
 *
 * @example checkParts(seedText).rules.map((i) => i.code) // ['tags.missing']
 */
export function checkParts(text: string): { format: readonly Issue[]; rules: Issue[] } {
  const { cable, issues } = parseCable(text, { reference: directory() });
  const lines = text.split('\n');
  return {
    format: issues,
    rules: validateCable(cable, markingRules()).map((i) => locate(i, cable, lines)),
  };
}

const rank = (i: Issue): number => (i.severity === 'error' ? 2 : i.severity === 'warning' ? 1 : 0);

/** Puts a field-only issue on the line of its field: a search of the text, since the Cable keeps no line numbers. */
function locate(i: Issue, cable: Cable, lines: readonly string[]): Issue {
  if (i.line > 0 || i.field === undefined) return i;
  const line = lineOf(i.field, cable, lines);
  return line > 0 ? { ...i, line, column: 1 } : i;
}

function lineOf(field: string, cable: Cable, lines: readonly string[]): number {
  const find = (test: (line: string) => boolean, from = 0): number => {
    for (let n = from; n < lines.length; n++) if (test(lines[n]!)) return n + 1;
    return 0;
  };
  const text = find(
    (l) => cable.classificationLine !== null && l.startsWith(cable.classificationLine),
  );
  const paragraph = /^paragraphs\[(\d+)\]/.exec(field);
  if (paragraph) {
    const p = cable.paragraphs[Number(paragraph[1])];
    if (!p) return 0;
    if (p.number !== null) {
      const number = new RegExp(`^\\s*(¶\\s*)?${p.number.replace(/\./g, '\\.')}\\s*\\.`);
      return find((l) => number.test(l), text);
    }
    const start = p.text.slice(0, 40);
    return start === '' ? 0 : find((l) => l.includes(start), text);
  }
  const root = field.replace(/[.[].*$/, '');
  switch (root) {
    case 'classificationLine':
      return text;
    case 'captions':
      return find((l) => cable.captions.some((c) => l.includes(c)), text) || text;
    case 'header':
      if (field.startsWith('header.securityWarning')) return find((l) => /^\s*ZN[RY]\b/.test(l));
      return find((l) => /^(ZZ|OO|PP|RR|NN)\s/.test(l));
    case 'eo':
      return find((l) => /E\.?\s?O\.?\s*1\d{4}/i.test(l), text);
    case 'tags':
      return find((l) => /^\s*TAGS\b/i.test(l), text);
    case 'subject':
      return find((l) => /^\s*SUBJ(ECT)?\b/i.test(l), text);
    case 'classifiedBy':
      return find((l) => /CLASSIFIED\s+BY/i.test(l), text);
    default:
      return 0;
  }
}
