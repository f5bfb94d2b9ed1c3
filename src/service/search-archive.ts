/** Use case: search the archive as a reader, audited. */
import type { Issue } from '../format/issue.ts';
import { issue } from '../format/issue.ts';
import type { Reader } from '../model/reader.ts';
import { hasText, parseSearchQuery } from '../store/search-query.ts';
import type { SearchResult, SearchSort, Store } from '../store/store.ts';

export type { SearchResult, SnippetPart } from '../store/store.ts';

export interface SearchRequest {
  readonly query: string;
  readonly reader: Reader;
  readonly sort?: SearchSort;
  readonly page?: number;
  readonly size?: number;
}

/**
 * Parses the query, refuses it when it has errors, searches as the reader and records the read
 * in the audit trail (who, the query, how many hits they were shown a total for).
 *
 * @example await searchArchive(store, { query: 'tag:PARM "export control"', reader })
 */
export async function searchArchive(
  store: Store,
  request: SearchRequest,
): Promise<{ result: SearchResult | null; issues: Issue[] }> {
  const { query, issues } = parseSearchQuery(request.query);
  if (query.excluded.length > 0 && !hasText(query))
    issues.push(
      issue(
        'search.excluded.alone',
        'warning',
        'excluded words need at least one word or phrase to match; they were ignored',
      ),
    );
  if (issues.some((i) => i.severity === 'error')) return { result: null, issues };
  const result = await store.search(query, request.reader, {
    sort: request.sort ?? 'relevance',
    page: request.page ?? 1,
    size: request.size ?? 20,
  });
  await store.audit({
    actor: request.reader.id,
    action: 'search',
    target: request.query,
    count: result.total,
  });
  return { result, issues };
}
