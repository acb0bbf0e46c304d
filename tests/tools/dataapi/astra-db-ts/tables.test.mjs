// Tables through @datastax/astra-db-ts against a real killrvideo-dataapi: DDL, inserts, cursors over
// hundreds of rows, filters, projections, vector and lexical sorts, updates, deletes and the errors a
// client sees (issue 15 point 1).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DataApiServer, errorCodeOf } from './DataApiServer.mjs';

const ROWS = 260;  // more than five pages of 50

describe('tables through astra-db-ts', () => {
  let server, db, videos;

  before(async () => {
    server = await DataApiServer.start();
    db = server.db();
    videos = await db.createTable('videos', {
      definition: {
        columns: {
          videoid: 'int', name: 'text', category: 'text', views: 'bigint',
          tags: { type: 'set', valueType: 'text' }, features: { type: 'vector', dimension: 3 },
        },
        primaryKey: 'videoid',
      },
      ifNotExists: true,
    });
    const rows = Array.from({ length: ROWS }, (_, i) => ({
      videoid: i, name: `video number ${i}${i % 50 === 0 ? ' about cassandra' : ''}`,
      category: i % 2 ? 'odd' : 'even', views: i * 10, tags: [`t${i % 3}`], features: [1, i / ROWS, 0],
    }));
    const inserted = await videos.insertMany(rows, { ordered: false });
    assert.equal(inserted.insertedCount, ROWS);
  });

  after(async () => { await server?.stop(); });

  it('lists the table and its definition', async () => {
    assert.deepEqual(await db.listTables({ nameOnly: true }), ['videos']);
    const [described] = await db.listTables();
    assert.equal(described.name, 'videos');
    assert.deepEqual(described.definition.primaryKey, { partitionBy: ['videoid'], partitionSort: {} });
    assert.equal(described.definition.columns.features.dimension, 3);
  });

  it('pages a cursor through every row, and again with a projection and extra options', async () => {
    const seen = new Set();
    for await (const row of videos.find({}, { projection: { videoid: 1 } })) seen.add(row.videoid);
    assert.equal(seen.size, ROWS);
    const all = await videos.find({ category: 'odd' }, { projection: { videoid: 1, views: 1 } }).toArray();
    assert.equal(all.length, ROWS / 2);
    assert.ok(all.every((row) => row.videoid % 2 === 1 && Number(row.views) === row.videoid * 10));
    const limited = await videos.find({}, { limit: 120 }).toArray();
    assert.equal(limited.length, 120);
  });

  it('filters with comparison, membership and logical operators', async () => {
    const rows = await videos.find({ videoid: { $lt: 5 }, category: 'even' }, { projection: { videoid: 1 } }).toArray();
    assert.deepEqual(rows.map((row) => row.videoid).sort((a, b) => a - b), [0, 2, 4]);
    const members = await videos.find({ videoid: { $in: [7, 9, 1000] } }).toArray();
    assert.deepEqual(members.map((row) => row.videoid).sort((a, b) => a - b), [7, 9]);
    const either = await videos.find({ $or: [{ videoid: 1 }, { videoid: 2 }] }, { projection: { name: 1 } }).toArray();
    assert.equal(either.length, 2);
    const one = await videos.findOne({ videoid: 42 }, { projection: { name: 1, tags: 1 } });
    assert.deepEqual({ name: one.name, tags: [...one.tags] }, { name: 'video number 42', tags: ['t0'] });
  });

  it('sorts by vector with similarities and the sort vector', async () => {
    await videos.createVectorIndex('videos_features', 'features', { options: { metric: 'cosine' }, ifNotExists: true });
    const cursor = videos.find({}, { sort: { features: [1, 0.5, 0] }, limit: 3, includeSimilarity: true, includeSortVector: true });
    // The client keeps the sort vector of the page it holds: ask before draining the cursor.
    assert.deepEqual([...(await cursor.getSortVector()).asArray()], [1, 0.5, 0]);
    const rows = await cursor.toArray();
    assert.equal(rows.length, 3);
    assert.equal(rows[0].videoid, ROWS / 2);
    assert.ok(rows[0].$similarity >= rows[1].$similarity && rows[1].$similarity >= rows[2].$similarity);
  });

  it('finds words through a text index, by match and by relevance', async () => {
    await videos.createTextIndex('videos_name_text', 'name', { options: { analyzer: 'standard' }, ifNotExists: true });
    const indexes = await videos.listIndexes();
    assert.equal(indexes.find((index) => index.name === 'videos_name_text').indexType, 'text');
    const matched = await videos.find({ name: { $match: 'cassandra' } }, { projection: { videoid: 1 } }).toArray();
    assert.deepEqual(matched.map((row) => row.videoid).sort((a, b) => a - b), [0, 50, 100, 150, 200, 250]);
    const ranked = await videos.find({ category: 'even' }, { sort: { name: 'cassandra 100' }, projection: { videoid: 1 } }).toArray();
    assert.deepEqual(ranked.map((row) => row.videoid), [100]);
  });

  it('updates with $set and $unset, and deletes one row and a range', async () => {
    assert.deepEqual(await videos.updateOne({ videoid: 3 }, { $set: { name: 'renamed' }, $unset: { category: '' } }), undefined);
    const row = await videos.findOne({ videoid: 3 });
    assert.equal(row.name, 'renamed');
    assert.equal(row.category ?? null, null);
    await videos.deleteOne({ videoid: 3 });
    assert.equal(await videos.findOne({ videoid: 3 }), null);
  });

  it('alters the table: adds and drops columns', async () => {
    await videos.alter({ operation: { add: { columns: { rating: 'float' } } } });
    await videos.updateOne({ videoid: 4 }, { $set: { rating: 4.5 } });
    assert.equal((await videos.findOne({ videoid: 4 }, { projection: { rating: 1 } })).rating, 4.5);
    await videos.alter({ operation: { drop: { columns: ['rating'] } } });
    assert.equal((await db.listTables())[0].definition.columns.rating, undefined);
  });

  it('answers the errors a client sees', async () => {
    assert.equal(await errorCodeOf(videos.insertOne({ videoid: 1000, nope: 1 })), 'UNKNOWN_TABLE_COLUMNS');
    assert.equal(await errorCodeOf(videos.insertOne({ name: 'no key' })), 'MISSING_PRIMARY_KEY_COLUMNS');
    assert.equal(await errorCodeOf(videos.updateOne({ videoid: 1 }, { $inc: { views: 1 } })),
                 'UNSUPPORTED_UPDATE_OPERATIONS_FOR_TABLE');
    assert.equal(await errorCodeOf(videos.find({ category: { $match: 'odd' } }).toArray()),
                 'CANNOT_LEXICAL_FILTER_NON_INDEXED_COLUMNS');
    assert.equal(await errorCodeOf(videos.find({}, { sort: { features: [1, 0] } }).toArray()),
                 'CANNOT_VECTOR_SORT_ON_MISMATCHED_VECTOR_DIMENSIONS');
    assert.equal(await errorCodeOf(db.table('missing').findOne({})), 'UNKNOWN_COLLECTION_OR_TABLE');
  });

  it('drops what it created', async () => {
    await db.dropTableIndex('videos_name_text');
    assert.ok(!(await videos.listIndexes({ nameOnly: true })).includes('videos_name_text'));
    await db.dropTable('videos');
    assert.deepEqual(await db.listTables({ nameOnly: true }), []);
  });
});
