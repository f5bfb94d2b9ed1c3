/** Reads a banner as written (classification line, archive classification, FL4 security warning) into its facts. */
import type { Level } from '../format/cable.ts';

/** What a written banner says. */
export interface BannerText {
  readonly level: Level;
  readonly sbu: boolean;
  readonly noforn: boolean;
  /** UNCLAS EFTO: unclassified, encrypted for transmission only. */
  readonly efto: boolean;
}

/**
 * Reads a classification line or archive classification: `S E C R E T`, `SS E C R E T`,
 * `S e c r e t`, `C O N F I D E N T I A L`, `UNCLAS`, `UNCLAS E F T O`, `UNCLAS SENSITIVE`,
 * `SECRET//NOFORN`, `UNCLASSIFIED//FOR OFFICIAL USE ONLY`, `TOP SECRET`. Null when no level is readable.
 *
 * @example parseBannerText('S E C R E T')?.level // 'SECRET'
 */
export function parseBannerText(text: string): BannerText | null {
  const upper = text.toUpperCase();
  const squashed = upper.replace(/[^A-Z]/g, '');
  const level = readLevel(squashed);
  if (level === null) return null;
  const words = upper.replace(/[^A-Z]+/g, ' ');
  return {
    level,
    sbu:
      level === 'UNCLASSIFIED' &&
      /SBU|SENSITIVE|FOROFFICIALUSEONLY|FOUO|LIMITEDOFFICIALUSE/.test(squashed),
    noforn: /\b(NOFORN|NF|NOFORNDIS)\b/.test(words) || squashed.includes('NOFORN'),
    efto: level === 'UNCLASSIFIED' && squashed.includes('EFTO'),
  };
}

function readLevel(squashed: string): Level | null {
  if (squashed.startsWith('TOPSECRET')) return 'TOP SECRET';
  if (squashed.startsWith('UNCLAS')) return 'UNCLASSIFIED';
  if (squashed.startsWith('CONFIDENTIAL') || squashed.startsWith('CCONFIDENTIAL'))
    return 'CONFIDENTIAL';
  if (squashed.startsWith('SECRET') || squashed.startsWith('SSECRET')) return 'SECRET';
  if (squashed.startsWith('SENSITIVEBUTUNCLASSIFIED')) return 'UNCLASSIFIED';
  return null;
}

/** Level letter of an FL4 security warning (`ZNY SSSSS ZZH` → S), with its opsig. */
export interface SecurityWarning {
  readonly opsig: 'ZNR' | 'ZNY';
  readonly level: Level;
  readonly efto: boolean;
}

/**
 * Reads FL4: `ZNY SSSSS ZZH`, `ZNR UUUUU ZZH`, `ZNY EEEEE ZZH`, `ZNY SSSBB/FFFFF` (TRC variant).
 * Null when it is not a security warning.
 *
 * @example parseSecurityWarning('ZNY CCCCC ZZH')?.level // 'CONFIDENTIAL'
 */
export function parseSecurityWarning(text: string): SecurityWarning | null {
  const m = /^\s*(ZN[RY])\s+([TSCUE])\2\2/.exec(text.toUpperCase());
  if (!m) return null;
  const letter = m[2]!;
  const level: Level =
    letter === 'T'
      ? 'TOP SECRET'
      : letter === 'S'
        ? 'SECRET'
        : letter === 'C'
          ? 'CONFIDENTIAL'
          : 'UNCLASSIFIED';
  return { opsig: m[1] as 'ZNR' | 'ZNY', level, efto: letter === 'E' };
}

/** The classification line form of a level, as State writes it. @example classificationLineFor('SECRET') // 'S E C R E T' */
export function classificationLineFor(level: Level): string {
  switch (level) {
    case 'UNCLASSIFIED':
      return 'UNCLAS';
    case 'CONFIDENTIAL':
      return 'C O N F I D E N T I A L';
    case 'SECRET':
      return 'S E C R E T';
    case 'TOP SECRET':
      return 'TOP SECRET'; // the spaced form is not attested (classification.csv)
  }
}

/** The FL4 letters for a level: `ZNY SSSSS`, `ZNR UUUUU`. @example securityWarningFor('SECRET') // 'ZNY SSSSS' */
export function securityWarningFor(level: Level): string {
  const letter = level === 'TOP SECRET' ? 'T' : level.charAt(0);
  return `${level === 'UNCLASSIFIED' ? 'ZNR' : 'ZNY'} ${letter.repeat(5)}`;
}
