import BetterSqlite3 from 'better-sqlite3';
import { withStatementCache } from './sqlite-statement-cache.js';

describe('withStatementCache', () => {
  let sqlite: BetterSqlite3.Database;
  beforeEach(() => {
    sqlite = new BetterSqlite3(':memory:');
    sqlite.exec('CREATE TABLE t (v INTEGER)');
  });
  afterEach(() => sqlite.close());

  it('hands back the same prepared statement for the same SQL, which still runs correctly', () => {
    const db = withStatementCache(sqlite);
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    expect(db.prepare('INSERT INTO t (v) VALUES (?)')).toBe(insert);
    insert.run([1]);
    db.prepare('INSERT INTO t (v) VALUES (?)').run([2]);
    expect(db.prepare('SELECT v FROM t ORDER BY v').all([])).toEqual([{ v: 1 }, { v: 2 }]);
  });

  it('keeps only the most recently used statements', () => {
    const db = withStatementCache(sqlite, 2);
    const one = db.prepare('SELECT 1');
    const two = db.prepare('SELECT 2');
    db.prepare('SELECT 1');
    db.prepare('SELECT 3');
    // SELECT 2 was the least recently used when SELECT 3 came in.
    expect(db.prepare('SELECT 1')).toBe(one);
    expect(db.prepare('SELECT 2')).not.toBe(two);
  });
});
