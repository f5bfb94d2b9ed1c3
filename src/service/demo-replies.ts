/** The scenario's two replies to the seed (SCENARIO.md step 5), written by the demo so "cited by" has something to show. */

/** One archive-format file: where it goes under the demo folder, and its text. */
export interface DemoFile {
  readonly path: string;
  readonly text: string;
}

function reply(o: {
  id: string;
  created: string;
  post: string;
  ri: string;
  mrn: string;
  dtg: string;
  filed: string;
  serial: string;
  ambassador: string;
  reporting: string;
  response: string;
}): DemoFile {
  const text = `${o.id}
${o.created}
2011-02-02 21:09
CONFIDENTIAL
Embassy ${o.post[0]}${o.post.slice(1).toLowerCase()}

VZCZCXRO${o.serial}
OO RUEHC
DE ${o.ri} #${o.serial} ${o.filed}
ZNY CCCCC ZZH
O ${o.dtg}
FM AMEMBASSY ${o.post}
TO RUEHC/SECSTATE WASHDC IMMEDIATE ${o.serial}

C O N F I D E N T I A L ${o.mrn}

SIPDIS

E.O. 12958: DECL: 09/24/2018
TAGS: PARM PREL KNNP ETTC CH IR
SUBJECT: CHINESE PROLIFERATION: HOST GOVERNMENT RESPONSE TO DEMARCHE

REF: STATE 98975

Classified By: Ambassador ${o.ambassador} for reasons 1.4 (b) and (d).

1. (C) ${o.reporting}

2. (C) ${o.response}

3. (U) Embassy delivered the nonpaper on export control as instructed in reftel and will report any further reaction. Slugged for ISN, T, Treasury, NEA and EUR.

${o.ambassador.split(' ').at(-1)!.toUpperCase()}
`;
  return { path: `2008/${o.id}.txt`, text };
}

/**
 * Prague's and Warsaw's replies to STATE 98975, CONFIDENTIAL with one UNCLASSIFIED paragraph,
 * `REF: STATE 98975`. Demo data in the archive format, not corpus cables.
 *
 * @example scenarioReplies().map((f) => f.path) // ['2008/08PRAGUE601.txt', '2008/08WARSAW1151.txt']
 */
export function scenarioReplies(): DemoFile[] {
  return [
    reply({
      id: '08PRAGUE601',
      created: '2008-09-22 14:02',
      post: 'PRAGUE',
      ri: 'RUEHPG',
      mrn: 'PRAGUE 000601',
      dtg: '221402Z SEP 08',
      filed: '2661402',
      serial: '0601',
      ambassador: 'Richard W. Graber',
      reporting:
        'On September 19 poloff met the MFA deputy director for nonproliferation and the finance ministry sanctions office and delivered the nonpaper on Chinese transfers to Iran.',
      response:
        'The Czech side shares our assessment and will raise it with the Chinese ambassador in Prague before the end of the month.',
    }),
    reply({
      id: '08WARSAW1151',
      created: '2008-09-24 10:10',
      post: 'WARSAW',
      ri: 'RUEHWR',
      mrn: 'WARSAW 001151',
      dtg: '241010Z SEP 08',
      filed: '2681010',
      serial: '1151',
      ambassador: 'Victor Ashe',
      reporting:
        'On September 23 polecon officer delivered the nonpaper to the MFA security policy department director.',
      response:
        'Poland shares our concerns over Chinese arms transfers to Iran and will raise them during consultations with Beijing next month.',
    }),
  ];
}
