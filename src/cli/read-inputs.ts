/** Reads the FILE…|- arguments of a command: each file's text, or a clear error naming it. */
import { readFileSync } from 'node:fs';

export type Input =
  | { readonly name: string; readonly text: string }
  | { readonly name: string; readonly error: string };

/** Reads each argument; `-` is standard input. Errors are values, so one bad file does not stop the rest. */
export function readInputs(args: readonly string[]): Input[] {
  return args.map((name) => {
    try {
      const bytes = readFileSync(name === '-' ? 0 : name);
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return { name, text };
    } catch (error) {
      return { name, error: describeReadError(error) };
    }
  });
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
