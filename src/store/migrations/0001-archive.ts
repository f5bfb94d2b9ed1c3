/** Migration 0001: the archive tables (cables and their versions, portions, access classes, graph, audit). */
import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely';
import type { Dialect } from './dialect.ts';

/**
 * Creates the tables both adapters share. Only the surrogate keys differ by dialect
 * (SQLite's rowid alias, PostgreSQL's identity column).
 *
 * @example await archiveTables('sqlite').up(db)
 */
export function archiveTables(dialect: Dialect): Migration {
  const key = (c: ColumnDefinitionBuilder) =>
    dialect === 'sqlite' ? c.primaryKey() : c.primaryKey().generatedByDefaultAsIdentity();
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('cable')
        .addColumn('seq', 'integer', key)
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('is_current', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('raw', 'text', (c) => c.notNull())
        .addColumn('parsed', 'text', (c) => c.notNull())
        .addColumn('issues', 'text', (c) => c.notNull())
        .addColumn('cable_date', 'text')
        .addColumn('origin', 'text')
        .addColumn('banner', 'text', (c) => c.notNull())
        .addColumn('banner_level', 'integer', (c) => c.notNull())
        .addColumn('captions', 'text', (c) => c.notNull())
        .addColumn('subject', 'text')
        .addColumn('imported_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('cable_id_version', ['id', 'version'])
        .execute();
      // At most one current version per id: a crash can never leave two.
      await db.schema
        .createIndex('cable_current')
        .on('cable')
        .column('id')
        .unique()
        .where(sql.ref('is_current'), '=', 1)
        .execute();
      await db.schema.createIndex('cable_date_idx').on('cable').columns(['cable_date']).execute();
      await db.schema.createIndex('cable_origin_idx').on('cable').columns(['origin']).execute();

      await db.schema
        .createTable('access_class')
        .addColumn('id', 'integer', key)
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('marking', 'text', (c) => c.notNull())
        .addColumn('captions', 'text', (c) => c.notNull())
        .addColumn('level', 'integer', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('portion')
        .addColumn('id', 'integer', key)
        .addColumn('cable_seq', 'integer', (c) => c.notNull().references('cable.seq'))
        .addColumn('ordinal', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('num', 'text')
        .addColumn('class_id', 'integer', (c) => c.notNull().references('access_class.id'))
        .addColumn('marked', 'integer', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('portion_cable').on('portion').columns(['cable_seq']).execute();

      for (const [table, column] of [
        ['cable_tag', 'tag'],
        ['cable_caption', 'caption'],
      ] as const) {
        await db.schema
          .createTable(table)
          .addColumn('cable_seq', 'integer', (c) => c.notNull().references('cable.seq'))
          .addColumn(column, 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint(`${table}_pk`, ['cable_seq', column])
          .execute();
        await db.schema
          .createIndex(`${table}_value`)
          .on(table)
          .columns([column, 'cable_seq'])
          .execute();
      }

      await db.schema
        .createTable('addressee')
        .addColumn('cable_seq', 'integer', (c) => c.notNull().references('cable.seq'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('ordinal', 'integer', (c) => c.notNull())
        .addColumn('ri', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('addressee_cable')
        .on('addressee')
        .columns(['cable_seq'])
        .execute();
      await db.schema.createIndex('addressee_ri').on('addressee').columns(['ri']).execute();
      await db.schema.createIndex('addressee_name').on('addressee').columns(['name']).execute();

      await db.schema
        .createTable('cable_ref')
        .addColumn('cable_seq', 'integer', (c) => c.notNull().references('cable.seq'))
        .addColumn('ordinal', 'integer', (c) => c.notNull())
        .addColumn('label', 'text')
        .addColumn('target_id', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('cable_ref_cable')
        .on('cable_ref')
        .columns(['cable_seq'])
        .execute();
      await db.schema
        .createIndex('cable_ref_target')
        .on('cable_ref')
        .columns(['target_id'])
        .execute();

      await db.schema
        .createTable('audit')
        .addColumn('id', 'integer', key)
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('result_count', 'integer', (c) => c.notNull())
        .execute();
    },
  };
}
