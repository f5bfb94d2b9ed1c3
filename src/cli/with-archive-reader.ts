/** Runs a reading command against the archive as one reader: open, resolve the reader, act, close. */
import type { Reader } from '../model/reader.ts';
import { resolveReader } from '../service/readers.ts';
import { withArchive, type OpenedStore } from './with-archive.ts';

/**
 * Opens the existing archive, resolves `--as` (the local operator when absent) and runs `act`;
 * the store is closed whatever happens. A store that cannot be opened or a bad reader spec is one
 * line on stderr and exit status 2, named after the command.
 *
 * @example await withArchiveReader('show', options.as, (store, reader) => showCable(store, id, reader))
 */
export async function withArchiveReader(
  command: string,
  as: string | undefined,
  act: (store: OpenedStore, reader: Reader) => Promise<void>,
): Promise<void> {
  await withArchive(command, { mustExist: true }, async (store) => {
    const who = await resolveReader(store, as);
    if ('issue' in who) {
      process.stderr.write(`chancery ${command}: ${who.issue.message}\n`);
      process.exitCode = 2;
      return;
    }
    await act(store, who.reader);
  });
}
