/** Runs a command against the archive: open it, act, close it whatever happens. */
import { openArchive } from '../service/open-store.ts';

export type OpenedStore = Extract<
  Awaited<ReturnType<typeof openArchive>>,
  { store: unknown }
>['store'];

/**
 * Opens the archive (`mustExist`: refuse a missing SQLite file rather than create an empty
 * archive) and runs `act`; the store is closed whatever happens. A store that cannot be opened is
 * one line on stderr and exit status 2, named after the command.
 *
 * @example await withArchive('import', {}, (store) => importCables(store, paths))
 */
export async function withArchive(
  command: string,
  options: { readonly mustExist?: boolean },
  act: (store: OpenedStore) => Promise<void>,
): Promise<void> {
  const opened = await openArchive(process.env, options);
  if ('error' in opened) {
    process.stderr.write(`chancery ${command}: ${opened.error}\n`);
    process.exitCode = 2;
    return;
  }
  try {
    await act(opened.store);
  } finally {
    await opened.store.close();
  }
}
