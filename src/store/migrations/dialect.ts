/** The SQL dialects the archive runs on. */
export type Dialect = 'sqlite' | 'postgres';
