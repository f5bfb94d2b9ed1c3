/** The empty cable and header: the starting point of the parser, of drafting and of test data. */
import type { Cable, TransmissionHeader } from './cable.ts';

/** A transmission header with no field present. */
export function emptyHeader(): TransmissionHeader {
  return {
    channel: null,
    precedence: null,
    routingIndicators: [],
    station: null,
    serial: null,
    stationSection: null,
    filed: null,
    securityWarning: null,
    dtgPrecedence: null,
    dtgText: null,
    dtg: null,
  };
}

/**
 * A cable with no fields but the archive metadata given.
 *
 * @example { ...emptyCable(null), subject: 'TEST' }
 */
export function emptyCable(archive: Cable['archive']): Cable {
  return {
    kind: 'cable',
    archive,
    header: emptyHeader(),
    from: null,
    to: [],
    info: [],
    xmt: [],
    classificationLine: null,
    messageReference: null,
    section: null,
    captions: [],
    passingLines: [],
    eo: null,
    tags: [],
    subject: null,
    subjectMarking: null,
    references: [],
    classifiedBy: null,
    summary: null,
    paragraphs: [],
    signers: [],
  };
}
