/** `chancery refs ID [--as READER] [--json]`: the cable's references and the cables citing it. */
import type { Command } from 'commander';
import { withArchiveReader } from '../with-archive-reader.ts';
import { cableReferences } from '../../service/cable-references.ts';

export function registerRefs(program: Command): void {
  program
    .command('refs')
    .description(
      'list the references of a stored cable (resolved or unresolved) and the cables citing it ' +
        '(only those the reader may see). Without --as the reader is the local operator.',
    )
    .argument('<id>', 'cable id, e.g. 08STATE98975')
    .option('--as <reader>', 'read as CLEARANCE/NATIONALITY[/ACCESSES], e.g. CONFIDENTIAL/USA')
    .option('--json', 'print as JSON')
    .action(async (id: string, options: { as?: string; json?: boolean }) => {
      await withArchiveReader('refs', options.as, async (store, reader) => {
        const refs = await cableReferences(store, id, reader);
        if (refs.kind === 'not-found') {
          process.stderr.write(`chancery refs: ${refs.message}\n`);
          process.exitCode = 1;
          return;
        }
        if (options.json) {
          process.stdout.write(`${JSON.stringify(refs)}\n`);
          return;
        }
        const lines = [refs.id, 'References:'];
        if (refs.withheld)
          lines.push(
            '  (withheld: references are shown only to readers who may see the whole cable)',
          );
        else if (refs.outgoing.length === 0) lines.push('  (none)');
        for (const r of refs.outgoing)
          lines.push(
            `  ${r.label === null ? '' : `${r.label}. `}${r.text}${r.targetId === null ? '  (not a cable)' : `  → ${r.targetId} ${r.resolved ? 'resolved' : 'unresolved'}`}`,
          );
        lines.push('Cited by:');
        if (refs.citedBy.length === 0) lines.push('  (none)');
        for (const c of refs.citedBy) lines.push(`  ${c}`);
        process.stdout.write(`${lines.join('\n')}\n`);
      });
    });
}
