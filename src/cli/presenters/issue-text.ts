/** One issue as a compiler-style line: `FILE:LINE:COL: severity code message`. */
import type { Issue } from '../../format/issue.ts';

/** @example formatIssue('a.txt', i) // 'a.txt:12:1: warning tags.missing no TAGS line' */
export function formatIssue(file: string, i: Issue): string {
  const where = i.line > 0 ? `${file}:${i.line}:${i.column > 0 ? i.column : 1}` : file;
  return `${where}: ${i.severity} ${i.code} ${i.message}${i.field ? ` [${i.field}]` : ''}`;
}
