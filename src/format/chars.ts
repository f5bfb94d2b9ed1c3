/** Character tests for the parser's hot loops: what `\s` matches, without running a regex. */

/**
 * True for the characters JavaScript's `\s` matches (white space and line terminators, as
 * `String.prototype.trim` removes them).
 *
 * @example isSpace(0xa0) // true (no-break space)
 */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * `text.charCodeAt(i)`, or -1 past either end of the text (where `charCodeAt` gives NaN): no
 * character test matches it. `charCodeAt` read out of bounds makes V8 throw away the optimised
 * code of the function it is inlined in, and a NaN where small integers were seen does the same
 * ("not a Smi"); each such site cost a recompile of `parseBody` or `parseHeader`, 100–200 ms of
 * compiler time, on the real corpus. Use it wherever the index may fall outside the text.
 *
 * @example codeAt('ab', 2) // -1
 */
export function codeAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : -1;
}

/**
 * Length of the run of `\s` characters at the start of `text` (what the regex `^\s*` matches).
 *
 * @example leadingSpaces('  1. text') // 2
 */
export function leadingSpaces(text: string): number {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Length of the run of blanks (space, TAB) at the start of `text` (what the regex `^[ \t]*` matches).
 *
 * @example leadingBlanks(' \tx') // 2
 */
export function leadingBlanks(text: string): number {
  return skipBlanks(text, 0);
}

/**
 * Index of the first character at or after `from` that is not a blank (space, TAB).
 *
 * @example skipBlanks('1. \tx', 2) // 4
 */
export function skipBlanks(text: string, from: number): number {
  let i = from;
  for (let c = codeAt(text, i); c === 32 || c === 9; c = codeAt(text, ++i));
  return i;
}

/**
 * True when `text` has more than `max` words separated by `\s` runs (as `text.split(/\s+/)`
 * counts them, so a leading or trailing run counts as an empty word).
 *
 * @example moreWordsThan('a b  c', 2) // true
 */
export function moreWordsThan(text: string, max: number): boolean {
  let words = 1;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) {
      if (!inSpace) {
        inSpace = true;
        if (++words > max) return true;
      }
    } else inSpace = false;
  }
  return words > max;
}

/**
 * A run of `\s` that is not a lone plain space: a space and more, or any other `\s` and the rest.
 * (Starting on the literal space is ~10% quicker than `\s\s+|[^\S ]`, which tries both
 * alternatives at every space between words.)
 */
const SPACE_RUNS = / \s+|[^\S ]\s*/g;

/**
 * `text` with every run of `\s` characters made one space (what `replace(/\s+/g, ' ')` gives,
 * leaving single spaces alone).
 *
 * @example collapseSpaces('a  b\nc') // 'a b c'
 */
export function collapseSpaces(text: string): string {
  // A regex pass beats a character loop here: the texts are summaries and reason blocks, long
  // and with a line break or a double space in nearly every one.
  return text.replace(SPACE_RUNS, ' ');
}
/**
 * `text` without its spaces (what `replace(/ /g, '')` gives).
 *
 * @example withoutSpaces('08 STATE 1') // '08STATE1'
 */
export function withoutSpaces(text: string): string {
  let out = '';
  let last = 0;
  for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1)) {
    out += text.slice(last, i);
    last = i + 1;
  }
  return last === 0 ? text : out + text.slice(last);
}
