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
 * the line their field was read from.
 *
 * @example checkText(seedText).map((i) => i.code) // ['tags.empty', 'tags.missing']
 */
export function checkText(text: string): Issue[] {
  const { cable, issues } = parseCable(text, { reference: directory() });
  const lines = text.split('\n');
  // The parser already names unknown TAGS (with near misses) when it has the directory: say it once.
  const parserTags = issues.some((i) => i.code === 'text.tags.unknown');
  const rules = validateCable(cable, markingRules()).filter(
    (i) => !(parserTags && i.code === 'tags.unknown'),
  );
  return [...issues, ...rules.map((i) => locate(i, cable, lines))];
}

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
