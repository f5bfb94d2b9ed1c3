/** TAGS checks: present, known, at least one subject TAG. */
import type { Cable } from '../format/cable.ts';
import { type Issue, issue } from '../format/issue.ts';
import type { MarkingRules } from './marking-rules.ts';

/**
 * `tags.missing` (no TAGS), `tags.unknown` (a TAG not in reference/tags.csv),
 * `tags.subject.missing` (TAGS but no subject TAG).
 *
 * @example validateTags(buildCable({ tags: [] }), rules)[0]?.code // 'tags.missing'
 */
export function validateTags(cable: Cable, rules: MarkingRules): Issue[] {
  if (cable.tags.length === 0)
    return [
      issue('tags.missing', 'error', 'no TAGS: every cable needs at least one subject TAG', {
        field: 'tags',
      }),
    ];
  const issues: Issue[] = [];
  cable.tags.forEach((t, i) => {
    if (!rules.knownTag(t.code))
      issues.push(
        issue('tags.unknown', 'warning', `TAG ${t.raw} is not a known TAG`, {
          field: `tags[${i}]`,
        }),
      );
  });
  if (!cable.tags.some((t) => rules.subjectTag(t.code)))
    issues.push(
      issue(
        'tags.subject.missing',
        'warning',
        `no subject TAG among ${cable.tags.map((t) => t.code).join(', ')}`,
        { field: 'tags' },
      ),
    );
  return issues;
}
