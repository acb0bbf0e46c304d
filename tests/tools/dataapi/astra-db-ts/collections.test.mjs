// Collections through @datastax/astra-db-ts against a real killrvideo-dataapi: DDL, inserts, cursors over
// hundreds of documents, filters, projections, vector sort, $inc upserts, replaces, counts, deletes and
// errors (issue 15 point 1).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DataApiServer, errorCodeOf } from './DataApiServer.mjs';

const DOCUMENTS = 230;

describe('collections through astra-db-ts', () => {
  let server, db, stats;

  before(async () => {
    server = await DataApiServer.start();
    db = server.db();
    stats = await db.createCollection('video_stats', { vector: { dimension: 2, metric: 'cosine' } });
    const documents = Array.from({ length: DOCUMENTS }, (_, i) => ({
      _id: `v${String(i).padStart(3, '0')}`, views: i, meta: { lang: i % 2 ? 'en' : 'fr' }, $vector: [1, i / DOCUMENTS],
    }));
    const inserted = await stats.insertMany(documents);
    assert.equal(inserted.insertedCount, DOCUMENTS);
  });

  after(async () => { await server?.stop(); });

  it('lists the collection with its options', async () => {
    assert.deepEqual(await db.listCollections({ nameOnly: true }), ['video_stats']);
    const [described] = await db.listCollections();
    assert.equal(described.definition.vector.dimension, 2);
  });

  it('pages a cursor through every document, with projections and dotted filters', async () => {
    const seen = new Set();
    for await (const document of stats.find({}, { projection: { _id: 1 } })) seen.add(document._id);
    assert.equal(seen.size, DOCUMENTS);
    const english = await stats.find({ 'meta.lang': 'en', views: { $gte: 200 } }, { projection: { views: 1 } }).toArray();
    assert.deepEqual(english.map((document) => document.views).sort((a, b) => a - b),
                     [201, 203, 205, 207, 209, 211, 213, 215, 217, 219, 221, 223, 225, 227, 229]);
    assert.ok(english.every((document) => document.meta === undefined && document.$vector === undefined));
  });

  it('sorts by vector with similarities', async () => {
    const cursor = stats.find({}, { sort: { $vector: [1, 0.5] }, limit: 2, includeSimilarity: true, includeSortVector: true });
    assert.deepEqual([...(await cursor.getSortVector()).asArray()], [1, 0.5]);
    const nearest = await cursor.toArray();
    assert.equal(nearest[0]._id, 'v115');
    assert.ok(nearest[0].$similarity > 0.9999);
  });

  it('counts exactly up to the bound', async () => {
    assert.equal(await stats.countDocuments({}, 1000), DOCUMENTS);
    assert.equal(await stats.countDocuments({ 'meta.lang': 'en' }, 1000), DOCUMENTS / 2);
    assert.equal(await stats.estimatedDocumentCount(), DOCUMENTS);
  });

  it('increments with an upsert, atomically and exactly', async () => {
    const first = await stats.updateOne({ _id: 'counter' }, { $inc: { views: 1 } }, { upsert: true });
    assert.equal(first.upsertedId, 'counter');
    assert.equal(first.matchedCount, 0);
    await Promise.all(Array.from({ length: 20 }, () => stats.updateOne({ _id: 'counter' }, { $inc: { views: 1 } }, { upsert: true })));
    assert.equal((await stats.findOne({ _id: 'counter' })).views, 21);
    const after = await stats.findOneAndUpdate({ _id: 'counter' }, { $inc: { views: 1 } }, { returnDocument: 'after' });
    assert.equal(after.views, 22);
  });

  it('replaces whole documents', async () => {
    const replaced = await stats.replaceOne({ _id: 'v001' }, { views: -1 });
    assert.equal(replaced.modifiedCount, 1);
    assert.deepEqual(await stats.findOne({ _id: 'v001' }), { _id: 'v001', views: -1 });
    const before = await stats.findOneAndReplace({ _id: 'v002' }, { views: -2 }, { projection: { views: 1 } });
    assert.deepEqual(before, { _id: 'v002', views: 2 });
    const upserted = await stats.replaceOne({ _id: 'fresh' }, { views: 0 }, { upsert: true });
    assert.equal(upserted.upsertedId, 'fresh');
  });

  it('deletes one and many', async () => {
    assert.equal((await stats.deleteOne({ _id: 'fresh' })).deletedCount, 1);
    const deleted = await stats.deleteMany({ views: { $lt: 10 } });
    assert.equal(deleted.deletedCount, 10);  // v000 to v009, v001 and v002 replaced with negative views
    assert.equal(await stats.countDocuments({ views: { $lt: 10 } }, 1000), 0);
  });

  it('answers the errors a client sees', async () => {
    assert.equal(await errorCodeOf(stats.insertOne({ _id: 'v100' })), 'DOCUMENT_ALREADY_EXISTS');
    assert.equal(await errorCodeOf(stats.insertOne({ _id: 'short', $vector: [1] })), 'SHRED_BAD_VECTOR_SIZE');
    assert.equal(await errorCodeOf(stats.find({}, { sort: { views: 1 } }).toArray().then(() =>
      db.command({ find: { sort: { views: 1 }, options: { pageState: 'x' } } }, { collection: 'video_stats' }))),
                 'SORT_CLAUSE_INVALID');
    assert.equal(await errorCodeOf(stats.findOneAndReplace({ _id: 'v100' }, { _id: 'other' })), 'DOCUMENT_REPLACE_DIFFERENT_DOCID');
  });

  it('drops the collection', async () => {
    await db.dropCollection('video_stats');
    assert.deepEqual(await db.listCollections({ nameOnly: true }), []);
  });
});
