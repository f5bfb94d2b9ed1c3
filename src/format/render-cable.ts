/** renderCable: writes a cable in the telegram format (archive record when it has archive metadata). */
import { renderArchiveMeta } from './archive-meta.ts';
import type { Cable } from './cable.ts';
import { renderHeader } from './header/render-header.ts';
import { renderText } from './text/render-text.ts';

/**
 * The telegram text of a cable. For a parsed cable the parser's layout hints keep the original
 * spacing, so render(parse(seed)) is the seed byte for byte; a drafted cable renders canonically.
 *
 * @example renderCable(parseCable(seedText).cable) === seedText
 */
export function renderCable(cable: Cable): string {
  const lines = [
    ...(cable.archive ? renderArchiveMeta(cable.archive) : []),
    ...renderHeader(cable),
    ...renderText(cable),
  ];
  return lines.join('\n');
}
