/** Reads the FILE…|- arguments of a command: each file's text, or a clear error naming it. */
import { readFileSync } from 'node:fs';

export type Input =
  | { readonly name: string; readonly text: string }
  | { readonly name: string; readonly error: string };

/**
 * Files read before the first of them is handed on. Reading a batch and then parsing it is
 * faster than reading and parsing one file at a time: every system call can flush the TLB (this
 * is so on kernels with page-table isolation and no PCID, as on the reference machine), and the
 * parser then refills it once per file instead of once per batch (docs/performance.md). 64 files
 * of a typical 8 kB cable keep about half a megabyte in memory.
 */
export const READ_AHEAD = 64;

/**
 * Reads each argument, READ_AHEAD at a time, as the caller consumes them; `-` is standard
 * input. Errors are values, so one bad file does not stop the rest.
 *
 * @example for (const input of readInputs(['a.txt', '-'])) if ('text' in input) parse(input.text)
 */
export function* readInputs(args: readonly string[]): Generator<Input, void, undefined> {
  for (let start = 0; start < args.length; start += READ_AHEAD) {
    yield* args.slice(start, start + READ_AHEAD).map(readInput);
  }
}

/** Refuses invalid UTF-8 instead of replacing it; one decoder serves every file (no streaming). */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** One argument's text, strictly decoded, or why it cannot be read; `-` is standard input. */
export function readInput(name: string): Input {
  try {
    const bytes = readFileSync(name === '-' ? 0 : name);
    const text = strictUtf8.decode(bytes);
    return { name, text };
  } catch (error) {
    return { name, error: describeReadError(error) };
  }
}

/** A one-line reason for a failed read, without a stack trace. */
export function describeReadError(error: unknown): string {
  if (error instanceof TypeError) return 'not valid UTF-8 text';
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
