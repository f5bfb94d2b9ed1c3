/** `chancery search QUERY [--as READER] [--sort date] [--page N] [--json]`: searches the archive. */
import type { Command } from 'commander';
import { withArchiveReader } from '../with-archive-reader.ts';
import {
  searchArchive,
  type SearchResult,
  type SnippetPart,
} from '../../service/search-archive.ts';

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description(
      'search the archive: words, "phrases", -excluded, prefix*, and fields tag: origin: class: ' +
        'caption: date:2008-01..2008-12 to:RUEHSL to:"AMEMBASSY SOFIA" cites:ID citedby:ID. ' +
        'Without --as the reader is the local operator (TOP SECRET, USA, every caption access).',
    )
    .argument('<query...>', 'the query (several arguments are joined with spaces)')
    .option(
      '--as <reader>',
      'read as CLEARANCE/NATIONALITY[/ACCESSES], e.g. CONFIDENTIAL/USA or SECRET/POL',
    )
    .option('--sort <order>', 'relevance or date', 'relevance')
    .option('--page <n>', 'page number, from 1', '1')
    .option('--size <n>', 'hits per page', '10')
    .option('--json', 'print the result as JSON')
    .action(
      async (
        words: string[],
        options: { as?: string; sort: string; page: string; size: string; json?: boolean },
      ) => {
        if (options.sort !== 'relevance' && options.sort !== 'date') {
          process.stderr.write(
            `chancery search: --sort must be relevance or date, not "${options.sort}"\n`,
          );
          process.exitCode = 2;
          return;
        }
        const sort = options.sort;
        const page = Number.parseInt(options.page, 10);
        const size = Number.parseInt(options.size, 10);
        if (!(page >= 1) || !(size >= 1)) {
          process.stderr.write('chancery search: --page and --size must be positive integers\n');
          process.exitCode = 2;
          return;
        }
        await withArchiveReader('search', options.as, async (store, reader) => {
          const query = words.join(' ');
          const { result, issues } = await searchArchive(store, {
            query,
            reader,
            sort,
            page,
            size,
          });
          for (const i of issues)
            process.stderr.write(`chancery search: ${i.severity} ${i.code}: ${i.message}\n`);
          if (result === null) {
            process.exitCode = 2;
            return;
          }
          process.stdout.write(
            options.json
              ? `${JSON.stringify(result)}\n`
              : presentResult(
                  result,
                  query,
                  options.as ?? 'operator',
                  page,
                  size,
                  process.stdout.isTTY,
                ),
          );
        });
      },
    );
}

/** Hits with snippets (matches bold on a terminal, in [brackets] otherwise), then facets. */
export function presentResult(
  result: SearchResult,
  query: string,
  as: string,
  page: number,
  size: number,
  tty: boolean,
): string {
  const pages = Math.max(1, Math.ceil(result.total / size));
  // A bounded search counts only the newest matches: say so rather than print a false total.
  const more = result.totalIsLowerBound === true;
  const out = [
    `${more ? 'at least ' : ''}${result.total} cable${result.total === 1 ? '' : 's'} for ${JSON.stringify(query)} as ${as} (page ${page} of ${pages}${more ? '+' : ''})`,
  ];
  result.hits.forEach((h, i) => {
    out.push(
      `${String((page - 1) * size + i + 1).padStart(3)}. ${h.id}  ${h.date ?? '????-??-??'}  ${h.banner}`,
      `     ${h.subject ?? '(subject not shown)'}`,
      ...h.snippets.map((s) => `     ${highlight(s, tty)}`),
    );
  });
  const facet = (name: string, values: readonly { value: string; count: number }[]) =>
    values.length === 0
      ? []
      : [`  ${name}: ${values.map((v) => `${v.value} ${v.count}`).join(' · ')}`];
  if (result.total > 0)
    out.push(
      'Facets:',
      ...facet('tags', result.facets.tags),
      ...facet('origin', result.facets.origin),
      ...facet('year', result.facets.year),
    );
  return `${out.join('\n')}\n`;
}

function highlight(parts: readonly SnippetPart[], tty: boolean): string {
  return parts
    .map((p) => (p.match ? (tty ? `\x1b[1m${p.text}\x1b[0m` : `[${p.text}]`) : p.text))
    .join('');
}
