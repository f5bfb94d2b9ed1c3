// The vendored reference tables must stay verbatim copies of shared/reference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { noSharedReason, sharedDir } from '../../test/support/shared.ts';
import { referenceDir } from './reference-data.ts';

test(
  'reference/*.csv equal shared/reference/*.csv byte for byte',
  { skip: sharedDir ? false : noSharedReason },
  () => {
    const shared = join(sharedDir!, 'reference');
    const tables = readdirSync(shared).filter((f) => f.endsWith('.csv'));
    assert.ok(tables.length >= 7);
    for (const table of tables)
      assert.ok(
        readFileSync(join(shared, table)).equals(readFileSync(join(referenceDir, table))),
        `reference/${table} differs from shared/reference/${table}: copy it again`,
      );
  },
);
