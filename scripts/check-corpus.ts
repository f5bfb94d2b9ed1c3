// Runs the checks of `chancery check` over the whole corpus and prints the counts per issue code as Markdown.
// Usage: npx tsx scripts/check-corpus.ts [--format]   (--format adds the parser's own issue codes)
import { readFileSync } from 'node:fs';
import { checkParts } from '../src/cli/commands/check.ts';
import type { Issue } from '../src/format/issue.ts';
import { corpusFiles, noSharedReason } from '../test/support/shared.ts';

interface Count {
  issues: number;
  cables: number;
}

const files = corpusFiles();
if (files.length === 0) {
  console.error(noSharedReason);
  process.exit(1);
}
const withFormat = process.argv.includes('--format');
const rules = new Map<string, Count>();
const format = new Map<string, Count>();
let withErrors = 0;
let clean = 0;
/** Cables flagged classified-by.missing whose text nevertheless says "Classified By": parser misses. */
let classifiedByInText = 0;
const started = performance.now();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const parts = checkParts(text);
  if (parts.rules.some((i) => i.severity === 'error')) withErrors++;
  if (parts.rules.length === 0) clean++;
  if (parts.rules.some((i) => i.code === 'classified-by.missing') && /CLASSIFIED\s+BY/i.test(text))
    classifiedByInText++;
  tally(rules, parts.rules);
  tally(format, parts.format);
}
const seconds = (performance.now() - started) / 1000;

console.log(
  `${files.length} corpus cables parsed and validated in ${seconds.toFixed(1)} s: ` +
    `${clean} with no validation issue, ${withErrors} with at least one validation error.\n`,
);
table('Validation issues (model/validate.ts)', rules);
console.log(
  `\nOf the cables with \`classified-by.missing\`, ${classifiedByInText} contain the words "Classified By" ` +
    'somewhere the parser did not read them as the Classified By line.',
);
if (withFormat) {
  console.log('');
  table('Format issues (parseCable)', format);
}

function tally(into: Map<string, Count>, issues: readonly Issue[]): void {
  const seen = new Set<string>();
  for (const i of issues) {
    const key = `${i.code}\t${i.severity}`;
    const c = into.get(key) ?? { issues: 0, cables: 0 };
    c.issues++;
    if (!seen.has(key)) c.cables++;
    seen.add(key);
    into.set(key, c);
  }
}

function table(title: string, counts: Map<string, Count>): void {
  console.log(`${title}:\n`);
  console.log('| code | severity | issues | cables |');
  console.log('| --- | --- | ---: | ---: |');
  const rows = [...counts].sort((a, b) => b[1].cables - a[1].cables || a[0].localeCompare(b[0]));
  for (const [key, c] of rows) {
    const [code, severity] = key.split('\t');
    console.log(`| \`${code!}\` | ${severity!} | ${c.issues} | ${c.cables} |`);
  }
}
