/** A small RFC 4180 CSV reader for the reference tables: header row, quoted fields, "" escapes. */

/** Parses CSV text into records keyed by the header row. Throws on a malformed file (a bug in shipped data). */
export function parseCsv(text: string, file: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line++;
    } else field += c;
  }
  if (quoted) throw new Error(`${file}:${line}: unterminated quoted field`);
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows;
  if (!header) throw new Error(`${file}: empty CSV`);
  return body
    .filter((r) => !(r.length === 1 && r[0] === ''))
    .map((r, index) => {
      if (r.length !== header.length)
        throw new Error(`${file}:${index + 2}: ${r.length} fields, header has ${header.length}`);
      const record: Record<string, string> = {};
      header.forEach((name, k) => (record[name] = r[k] ?? ''));
      return record;
    });
}
