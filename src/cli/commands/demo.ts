/** `chancery demo` (what `npm start` runs): fills the archive and shows what to try. */
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { fillDemoArchive } from '../../service/demo-archive.ts';
import { storeLocation } from '../../service/open-store.ts';
import { withArchive } from '../with-archive.ts';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'create or open the archive (./data/chancery.db, or $CHANCERY_DB / $DATABASE_URL), import the ' +
        'seed and the real corpus when ../shared is present (else synthetic cables), print a summary ' +
        'and example commands. Safe to run again: nothing is imported twice.',
    )
    .action(async () => {
      const where = storeLocation();
      await withArchive('demo', {}, async (store) => {
        process.stderr.write(`chancery demo: archive at ${where.kind} ${where.where}\n`);
        const tty = process.stderr.isTTY;
        const demo = await fillDemoArchive(
          store,
          where.kind === 'sqlite' ? dirname(where.where) : './data',
          {
            onProgress: (done, total) => {
              if (tty) process.stderr.write(`\rimporting ${done}/${total}\x1b[K`);
            },
          },
        );
        if (tty) process.stderr.write('\n');
        const r = demo.report;
        const c = 'npm run chancery --';
        process.stdout.write(
          [
            `Imported ${demo.description}.`,
            `  ${r.files} files in ${r.seconds.toFixed(1)} s: ${r.imported} imported, ${r.unchanged} unchanged, ${r.updated} updated, ${r.rejected.length} rejected`,
            ...r.rejected.slice(0, 5).map((x) => `    ${x.file}: ${x.reason}`),
            `The archive holds ${demo.cables} cables (${demo.versions} versions).`,
            '',
            'Try:',
            `  ${c} search 'tag:PARM origin:STATE "export control" date:2008'             # the analyst (operator: TOP SECRET, all accesses)`,
            `  ${c} search 'tag:PARM origin:STATE "export control" date:2008' --as CONFIDENTIAL/USA   # sees only what is CONFIDENTIAL or below`,
            `  ${c} search 'china iran' --as SECRET/POL                                  # the Polish liaison officer: REL TO POL portions only`,
            ...(demo.source === 'corpus'
              ? [
                  `  ${c} show 08STATE98975 --as SECRET/POL                                     # the redacted view: paragraphs 3 and 4`,
                  `  ${c} show 08STATE98975 --version 1                                          # the seed as first imported`,
                  `  ${c} refs 08STATE98975                                                      # cited by the Prague and Warsaw replies`,
                ]
              : [
                  `  ${c} show 08PRAGUE601 --as UNCLASSIFIED/USA                                 # the redacted view of a reply (the seed needs ../shared)`,
                  `  ${c} refs 08PRAGUE601                                                       # its reference to STATE 98975, unresolved here`,
                ]),
            `  ${c} search 'nonproliferation' --sort date --page 2`,
            '',
          ].join('\n'),
        );
      });
    });
}
