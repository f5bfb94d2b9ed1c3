/** Classification levels: their order, abbreviations and the tolerant reading of level words. */
import type { Level } from '../format/cable.ts';

/** The four levels, lowest first: UNCLASSIFIED < CONFIDENTIAL < SECRET < TOP SECRET. */
export const LEVELS: readonly Level[] = ['UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET'];

/** Portion-mark abbreviation of each level. */
export const LEVEL_ABBREVIATION: Readonly<Record<Level, string>> = {
  UNCLASSIFIED: 'U',
  CONFIDENTIAL: 'C',
  SECRET: 'S',
  'TOP SECRET': 'TS',
};

/**
 * Rank of a level, 0 (UNCLASSIFIED) to 3 (TOP SECRET).
 *
 * @example levelRank('SECRET') // 2
 */
export function levelRank(level: Level): 0 | 1 | 2 | 3 {
  switch (level) {
    case 'UNCLASSIFIED':
      return 0;
    case 'CONFIDENTIAL':
      return 1;
    case 'SECRET':
      return 2;
    case 'TOP SECRET':
      return 3;
  }
}

/**
 * The higher of two levels.
 *
 * @example maxLevel('CONFIDENTIAL', 'SECRET') // 'SECRET'
 */
export function maxLevel(a: Level, b: Level): Level {
  return levelRank(a) >= levelRank(b) ? a : b;
}

/** True when `a` is strictly above `b`. @example levelAbove('SECRET', 'CONFIDENTIAL') // true */
export function levelAbove(a: Level, b: Level): boolean {
  return levelRank(a) > levelRank(b);
}

const WORDS: readonly (readonly [string, Level])[] = [
  ['TOP SECRET', 'TOP SECRET'],
  ['TS', 'TOP SECRET'],
  ['SECRET', 'SECRET'],
  ['S', 'SECRET'],
  ['CONFIDENTIAL', 'CONFIDENTIAL'],
  ['C', 'CONFIDENTIAL'],
  ['UNCLASSIFIED', 'UNCLASSIFIED'],
  ['UNCLAS', 'UNCLASSIFIED'],
  ['U', 'UNCLASSIFIED'],
];

/**
 * Reads one level word or abbreviation (case-insensitive), undefined when it is none.
 *
 * @example parseLevel('ts') // 'TOP SECRET'
 */
export function parseLevel(text: string): Level | undefined {
  const word = text.trim().toUpperCase().replace(/\s+/g, ' ');
  return WORDS.find(([w]) => w === word)?.[1];
}
