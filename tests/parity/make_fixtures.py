"""Writes tests/parity/fixtures/*.json: Data API command fixtures with their expected responses.
Run it after editing; scores are computed here as the Data API defines them ((1 + cos) / 2 in float32).
"""
import json, math, struct, os
OUT=os.path.join(os.path.dirname(os.path.abspath(__file__)), 'fixtures')
def err(code, scope, family="REQUEST"): return {"family":family,"scope":scope,"errorCode":code}
def ok(): return {"status":{"ok":1}}
def step(cmd, expect, target="", note=None):
    name=next(iter(cmd))
    if name in ("insertOne","insertMany") and "errors" in expect and "status" not in expect:
        expect=dict(expect); expect["status"]={"insertedIds":[]} if "$vector" in json.dumps(cmd) or target in ("video_stats","clips") else {"primaryKeySchema":"<any>","insertedIds":[]}
    s={"target":target,"command":cmd,"expect":expect}
    if note: s["note"]=note
    return s
def write(name, desc, steps, vectorize_local=None):
    """vectorize_local: both backends embed vectorize text with the host's local provider at this dimension."""
    fixture={"description":desc}
    if vectorize_local: fixture["vectorizeLocal"]=vectorize_local
    fixture["steps"]=steps
    with open(os.path.join(OUT,name),'w') as f:
        json.dump(fixture,f,indent=1,ensure_ascii=False); f.write('\n')

V1="1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a"; U1="5f1d0e2c-0a4b-4e8f-b1c2-d3e4f5a6b7c8"
V2="77aa0000-0000-4000-8000-000000000002"; V3="03fe0000-0000-4000-8000-000000000003"
videos_def={"columns":{"videoid":"uuid","userid":"uuid","name":"text","description":"text","category":"text",
  "added_date":"timestamp","tags":{"type":"set","valueType":"text"},"views":"bigint",
  "content_features":{"type":"vector","dimension":4}},"primaryKey":"videoid"}
create_videos={"createTable":{"name":"videos","definition":videos_def,"options":{"ifNotExists":True}}}

# 01 keyspace DDL
write("01_keyspace_ddl.json","Keyspace-level DDL: tables, collections, refusals (data-api-wire §3, §9.8)",[
 step(create_videos, ok(), note="createTable (E1)"),
 step({"createTable":{"name":"videos","definition":videos_def}}, {"errors":[err("CANNOT_ADD_EXISTING_TABLE","SCHEMA")]}, note="existing table without ifNotExists"),
 step(create_videos, ok(), note="ifNotExists makes it idempotent"),
 step({"createTable":{"name":"counts","definition":{"columns":{"id":"uuid","n":"counter"},"primaryKey":"id"}}},
      {"errors":[err("UNSUPPORTED_DATA_TYPE_TABLE_CREATION","SCHEMA")]}, note="counter columns refused"),
 step({"createTable":{"name":"events","definition":{"columns":{"id":"timeuuid","n":"int"},"primaryKey":"id"}}},
      {"errors":[err("UNSUPPORTED_DATA_TYPE_TABLE_CREATION","SCHEMA")]}, note="timeuuid columns refused"),
 step({"createCollection":{"name":"video_stats"}}, ok()),
 step({"listTables":{}}, {"status":{"tables":["videos"]}}, note="collections are not tables"),
 step({"findCollections":{}}, {"status":{"collections":["video_stats"]}}),
 step({"makeCoffee":{}}, {"errors":[err("COMMAND_UNKNOWN","")]}, note="unknown command"),
 step({"deleteCollection":{"name":"video_stats"}}, ok()),
 step({"findCollections":{}}, {"status":{"collections":[]}}),
 step({"dropTable":{"name":"videos"}}, ok()),
 step({"listTables":{}}, {"status":{"tables":[]}}),
 step({"findOne":{"filter":{"videoid":V1}}}, {"errors":[err("UNKNOWN_COLLECTION_OR_TABLE","SCHEMA")]}, target="videos", note="dropped table is gone"),
])

video1={"videoid":V1,"userid":U1,"name":"Intro to Vector Search","category":"education",
 "added_date":"2025-06-01T10:15:00Z","tags":["ai","databases"],"views":0,"content_features":[0.12,-0.48,0.33,0.80]}
pk_schema={"videoid":{"type":"uuid"}}
# 02 insert and find
write("02_table_insert_find.json","Table inserts (upsert with merge) and point reads (E4, E5, E11, E12)",[
 step(create_videos, ok()),
 step({"insertOne":{"document":video1}}, {"status":{"primaryKeySchema":pk_schema,"insertedIds":[[V1]]}}, target="videos", note="insertOne (E4)"),
 step({"findOne":{"filter":{"videoid":V1},"projection":{"videoid":1,"name":1,"views":1,"description":1}}},
      {"data":{"document":{"videoid":V1,"name":"Intro to Vector Search","views":0}},
       "status":{"projectionSchema":{"videoid":{"type":"uuid"},"name":{"type":"text"},"views":{"type":"bigint"},"description":{"type":"text"}}}},
      target="videos", note="findOne by primary key omits null columns (E5)"),
 step({"findOne":{"filter":{"videoid":V2}}}, {"data":{"document":None},"status":{"projectionSchema":"<any>"}}, target="videos", note="miss"),
 step({"insertOne":{"document":{"videoid":V1,"description":"How ANN works","views":9007199254740993}}},
      {"status":{"primaryKeySchema":pk_schema,"insertedIds":[[V1]]}}, target="videos", note="same key merges columns"),
 step({"findOne":{"filter":{"videoid":V1},"projection":{"name":1,"description":1,"views":1,"tags":1,"added_date":1}}},
      {"data":{"document":{"name":"Intro to Vector Search","description":"How ANN works","views":9007199254740993,"tags":["ai","databases"],"added_date":"2025-06-01T10:15:00Z"}},
       "status":{"projectionSchema":"<any>"}}, target="videos", note="absent columns kept, bigint exact"),
 step({"insertOne":{"document":{"videoid":V1,"description":None}}}, {"status":{"primaryKeySchema":pk_schema,"insertedIds":[[V1]]}}, target="videos", note="explicit null clears"),
 step({"findOne":{"filter":{"videoid":V1},"projection":{"description":1,"name":1}}},
      {"data":{"document":{"name":"Intro to Vector Search"}},"status":{"projectionSchema":"<any>"}}, target="videos"),
 step({"insertOne":{"document":{"name":"no key"}}}, {"errors":[err("MISSING_PRIMARY_KEY_COLUMNS","DOCUMENT")]}, target="videos"),
 step({"insertOne":{"document":{"videoid":V2,"colour":"red"}}}, {"errors":[err("UNKNOWN_TABLE_COLUMNS","DOCUMENT")]}, target="videos"),
 step({"insertOne":{"document":{"videoid":V2,"name":42}}}, {"errors":[err("INVALID_COLUMN_VALUES","DOCUMENT")]}, target="videos"),
 step({"insertOne":{"document":{"videoid":V2,"added_date":"2025-06-01T10:00:00+02:00"}}}, {"status":{"primaryKeySchema":pk_schema,"insertedIds":[[V2]]}}, target="videos", note="timestamp with offset"),
 step({"findOne":{"filter":{"videoid":V2},"projection":{"added_date":1}}},
      {"data":{"document":{"added_date":"2025-06-01T08:00:00Z"}},"status":{"projectionSchema":"<any>"}}, target="videos", note="timestamps come back UTC with Z"),
 step({"insertMany":{"documents":[{"videoid":V2,"name":"ok one"},{"videoid":V3,"name":42}],"options":{"ordered":False}}},
      {"status":{"primaryKeySchema":pk_schema,"insertedIds":[[V2]]},"errors":[err("INVALID_COLUMN_VALUES","DOCUMENT")]}, target="videos", note="unordered insertMany keeps the good row (E12)"),
 step({"find":{"filter":{"category":"education"},"projection":{"videoid":1},"options":{"limit":5}}},
      {"data":{"documents":[{"videoid":V1}],"nextPageState":None},
       "status":{"projectionSchema":{"videoid":{"type":"uuid"}},"warnings":[err("MISSING_INDEX","WARNING")]}}, target="videos", note="unindexed filter warns (E11)"),
 step({"createIndex":{"name":"videos_category_idx","definition":{"column":"category"},"options":{"ifNotExists":True}}}, ok(), target="videos"),
 step({"find":{"filter":{"category":"education"},"projection":{"videoid":1}}},
      {"data":{"documents":[{"videoid":V1}],"nextPageState":None},"status":{"projectionSchema":{"videoid":{"type":"uuid"}}}}, target="videos", note="indexed filter: no warning"),
 step({"find":{"filter":{"views":{"$gt":10}},"projection":{"videoid":1}}},
      {"data":{"documents":[{"videoid":V1}],"nextPageState":None},"status":{"projectionSchema":"<any>","warnings":[err("MISSING_INDEX","WARNING")]}}, target="videos", note="range filter"),
 step({"find":{"filter":{"videoid":{"$in":[V2,"00000000-0000-4000-8000-000000000000"]}},"projection":{"name":1}}},
      {"data":{"documents":[{"name":"ok one"}],"nextPageState":None},"status":{"projectionSchema":"<any>"}}, target="videos", note="$in on the primary key"),
 step({"find":{"filter":{"videoid":V1},"projection":{"name":1},"options":{"colour":1}}},
      {"errors":[err("COMMAND_FIELD_UNKNOWN","")]}, target="videos", note="unknown option"),
])

# 03 paging and sorting
day="2025-06-01"
latest_def={"columns":{"day":"date","added_date":"timestamp","videoid":"uuid","name":"text"},
 "primaryKey":{"partitionBy":["day"],"partitionSort":{"added_date":-1,"videoid":1}}}
rows=[]
for i in range(55):
    rows.append({"day":day,"added_date":"2025-06-01T%02d:%02d:00Z"%(i//60, i%60),"videoid":"00000000-0000-4000-8000-%012d"%i,"name":"video %02d"%i})
newest=[{"name":"video %02d"%i} for i in range(54,-1,-1)]
write("03_table_paging_sort.json","Clustering order, paging with nextPageState, in-memory sorts (E6, E9, §4.2, §7)",[
 step({"createTable":{"name":"latest_videos","definition":latest_def}}, ok()),
 step({"insertMany":{"documents":rows}}, {"status":{"primaryKeySchema":{"day":{"type":"date"},"added_date":{"type":"timestamp"},"videoid":{"type":"uuid"}},"insertedIds":"<any>"}}, target="latest_videos"),
 step({"find":{"filter":{"day":day},"projection":{"name":1}}},
      {"data":{"documents":newest[:50],"nextPageState":"<capture:page2>"},"status":{"projectionSchema":"<any>"}}, target="latest_videos", note="one partition reads newest first, 50 a page"),
 step({"find":{"filter":{"day":day},"projection":{"name":1},"options":{"pageState":"<use:page2>"}}},
      {"data":{"documents":newest[50:],"nextPageState":None},"status":{"projectionSchema":"<any>"}}, target="latest_videos", note="second page ends the scan"),
 step({"find":{"filter":{"day":"2025-06-02"},"projection":{"name":1},"options":{"pageState":"<use:page2>"}}},
      {"errors":[err("<any>","<any>")]}, target="latest_videos", note="a page state is bound to its query"),
 step({"find":{"filter":{"day":day},"sort":{"added_date":1},"projection":{"name":1},"options":{"limit":3}}},
      {"data":{"documents":[{"name":"video 00"},{"name":"video 01"},{"name":"video 02"}],"nextPageState":None},"status":{"projectionSchema":"<any>"}}, target="latest_videos", note="reverse clustering order, limit"),
 step({"find":{"filter":{"day":day},"projection":{"name":1},"options":{"limit":52}}},
      {"data":{"documents":newest[:50],"nextPageState":"<capture:limited>"},"status":{"projectionSchema":"<any>"}}, target="latest_videos", note="limit caps the total across pages"),
 step({"find":{"filter":{"day":day},"projection":{"name":1},"options":{"limit":52,"pageState":"<use:limited>"}}},
      {"data":{"documents":newest[50:52],"nextPageState":None},"status":{"projectionSchema":"<any>"}}, target="latest_videos"),
 step({"find":{"sort":{"name":-1},"projection":{"name":1},"options":{"limit":2}}},
      {"data":{"documents":[{"name":"video 54"},{"name":"video 53"}],"nextPageState":None},
       "status":{"projectionSchema":"<any>","sortedRowCount":55,"warnings":"<any>"}}, target="latest_videos", note="sort on a regular column is in memory"),
 step({"find":{"filter":{"day":day},"projection":{"name":1},"options":{"skip":53}}},
      {"data":{"documents":[{"name":"video 01"},{"name":"video 00"}],"nextPageState":None},
       "status":{"projectionSchema":"<any>","sortedRowCount":55,"warnings":"<any>"}}, target="latest_videos", note="skip sorts in memory"),
 step({"find":{"sort":{"name":-1},"projection":{"name":1},"options":{"pageState":"<use:page2>"}}},
      {"errors":[err("UNSUPPORTED_PAGINATION_WITH_IN_MEMORY_SORTING","SORT")]}, target="latest_videos", note="no paging of in-memory sorts"),
 step({"deleteMany":{"filter":{"day":day}}}, {"status":{"deletedCount":-1}}, target="latest_videos", note="delete a partition"),
 step({"find":{"filter":{"day":day}}}, {"data":{"documents":[],"nextPageState":None},"status":{"projectionSchema":"<any>"}}, target="latest_videos"),
])

# 04 updates and deletes
write("04_table_update_delete.json","updateOne operators, what tables refuse, deletes (§4.3, §4.4, E8, E10)",[
 step(create_videos, ok()),
 step({"insertOne":{"document":video1}}, {"status":"<any>"}, target="videos"),
 step({"updateOne":{"filter":{"videoid":V1},"update":{"$set":{"views":1,"name":"Vector Search 101"}}}},
      {"status":{"matchedCount":1,"modifiedCount":1}}, target="videos", note="$set (E8)"),
 step({"updateOne":{"filter":{"videoid":V1},"update":{"$push":{"tags":"cassandra"},"$unset":{"category":""}}}},
      {"status":{"matchedCount":1,"modifiedCount":1}}, target="videos", note="$push into a set, $unset"),
 step({"findOne":{"filter":{"videoid":V1},"projection":{"views":1,"name":1,"tags":1,"category":1}}},
      {"data":{"document":{"views":1,"name":"Vector Search 101","tags":["ai","cassandra","databases"]}},"status":{"projectionSchema":"<any>"}}, target="videos"),
 step({"updateOne":{"filter":{"videoid":V1},"update":{"$pullAll":{"tags":["ai","databases"]}}}},
      {"status":{"matchedCount":1,"modifiedCount":1}}, target="videos", note="$pullAll"),
 step({"findOne":{"filter":{"videoid":V1},"projection":{"tags":1}}},
      {"data":{"document":{"tags":["cassandra"]}},"status":{"projectionSchema":"<any>"}}, target="videos"),
 step({"updateOne":{"filter":{"videoid":V1},"update":{"$inc":{"views":1}}}},
      {"errors":[err("UNSUPPORTED_UPDATE_OPERATIONS_FOR_TABLE","UPDATE")]}, target="videos", note="no $inc on tables (E8)"),
 step({"updateOne":{"filter":{"name":"Vector Search 101"},"update":{"$set":{"views":2}}}},
      {"errors":[err("<any>","FILTER")]}, target="videos", note="updateOne needs the full primary key"),
 step({"updateOne":{"filter":{"videoid":V1},"update":{"$set":{"videoid":V2}}}},
      {"errors":[err("UNSUPPORTED_UPDATE_FOR_PRIMARY_KEY_COLUMNS","UPDATE")]}, target="videos", note="primary key columns cannot change"),
 step({"updateOne":{"filter":{"videoid":V2},"update":{"$set":{"name":"made by update"}}}},
      {"status":{"matchedCount":1,"modifiedCount":1}}, target="videos", note="updateOne upserts"),
 step({"findOne":{"filter":{"videoid":V2},"projection":{"name":1}}},
      {"data":{"document":{"name":"made by update"}},"status":{"projectionSchema":"<any>"}}, target="videos"),
 step({"countDocuments":{"filter":{}}}, {"errors":[err("UNSUPPORTED_TABLE_COMMAND","")]}, target="videos", note="tables cannot count"),
 step({"findOneAndUpdate":{"filter":{"videoid":V1},"update":{"$set":{"views":3}}}}, {"errors":[err("UNSUPPORTED_TABLE_COMMAND","")]}, target="videos"),
 step({"deleteOne":{"filter":{"videoid":V1}}}, {"status":{"deletedCount":-1}}, target="videos", note="deleteOne (E10)"),
 step({"findOne":{"filter":{"videoid":V1}}}, {"data":{"document":None},"status":{"projectionSchema":"<any>"}}, target="videos"),
 step({"deleteOne":{"filter":{"name":"made by update"}}}, {"errors":[err("<any>","FILTER")]}, target="videos", note="deleteOne needs the full primary key"),
 step({"deleteMany":{"filter":{}}}, {"status":{"deletedCount":-1}}, target="videos", note="empty filter truncates"),
 step({"find":{"filter":{}}}, {"data":{"documents":[],"nextPageState":None},"status":"<any>"}, target="videos"),
])

# 05 vectors
def norm(v):
    n=math.sqrt(sum(x*x for x in v)); return [x/n for x in v]
def f32(x): return struct.unpack('f',struct.pack('f',x))[0]
def cos_sim(q,v):
    q=[f32(x) for x in q]; v=[f32(x) for x in v]
    c=sum(a*b for a,b in zip(norm(q),norm(v)))
    return f32((1+c)/2)
vecs={V1:[0.12,-0.48,0.33,0.80],V2:[0.10,-0.40,0.30,0.70],V3:[-0.5,0.9,0.1,-0.2]}
q=[0.10,-0.50,0.30,0.79]
order=sorted(vecs, key=lambda k:-cos_sim(q,vecs[k]))
names={V1:"Intro to Vector Search",V2:"Embeddings 101",V3:"Cooking pasta"}
cats={V1:"education",V2:"education",V3:"food"}
def b64(v):
    import base64
    return base64.b64encode(b''.join(struct.pack('>f',x) for x in v)).decode()
write("05_vectors.json","Vector index and ANN sorts with $similarity (E3, E7, §4.2, §6)",[
 step(create_videos, ok()),
 step({"insertMany":{"documents":[{"videoid":k,"name":names[k],"category":cats[k],"content_features":vecs[k]} for k in [V1,V2]]}}, {"status":"<any>"}, target="videos"),
 step({"insertOne":{"document":{"videoid":V3,"name":names[V3],"category":cats[V3],"content_features":{"$binary":b64(vecs[V3])}}}}, {"status":"<any>"}, target="videos", note="vector as $binary"),
 step({"find":{"sort":{"content_features":q},"projection":{"videoid":1}}},
      {"errors":[err("CANNOT_VECTOR_SORT_NON_INDEXED_VECTOR_COLUMNS","SORT")]}, target="videos", note="ANN needs a vector index"),
 step({"createVectorIndex":{"name":"videos_features_idx","definition":{"column":"content_features","options":{"metric":"cosine","sourceModel":"other"}},"options":{"ifNotExists":True}}}, ok(), target="videos", note="E3"),
 step({"find":{"sort":{"content_features":q},"projection":{"videoid":1,"name":1},"options":{"limit":3,"includeSimilarity":True,"includeSortVector":True}}},
      {"data":{"documents":[{"videoid":k,"name":names[k],"$similarity":cos_sim(q,vecs[k])} for k in order],"nextPageState":None},
       "status":{"sortVector":q,"projectionSchema":{"videoid":{"type":"uuid"},"name":{"type":"text"}}}}, target="videos", note="ANN with scores (E7)"),
 step({"find":{"filter":{"category":"food"},"sort":{"content_features":q},"projection":{"videoid":1},"options":{"includeSimilarity":True}}},
      {"data":{"documents":[{"videoid":V3,"$similarity":cos_sim(q,vecs[V3])}],"nextPageState":None},"status":"<any>"}, target="videos", note="filter with a vector sort"),
 step({"find":{"sort":{"content_features":[1,0,0]},"projection":{"videoid":1}}},
      {"errors":[err("CANNOT_VECTOR_SORT_ON_MISMATCHED_VECTOR_DIMENSIONS","SORT")]}, target="videos"),
 step({"find":{"sort":{"content_features":q},"options":{"skip":1}}},
      {"errors":[err("CANNOT_VECTOR_SORT_WITH_SKIP_OPTION","SORT")]}, target="videos"),
 step({"find":{"sort":{"content_features":q},"options":{"limit":1001}}},
      {"errors":[err("CANNOT_VECTOR_SORT_WITH_LIMIT_EXCEEDS_MAX","SORT")]}, target="videos"),
 step({"findOne":{"filter":{"videoid":V3},"projection":{"content_features":1}}},
      {"data":{"document":{"content_features":vecs[V3]}},"status":{"projectionSchema":{"content_features":{"type":"vector","dimension":4}}}}, target="videos", note="vectors read back as arrays"),
 step({"insertOne":{"document":{"videoid":V1,"content_features":[1,2]}}}, {"errors":[err("<any>","DOCUMENT")]}, target="videos", note="wrong vector length"),
])

# 06 collections
S1="1b0b5c3e-7a5e-4c4f-9d0a-3f2e1d0c9b8a"
write("06_collections.json","Collections: $inc counters with upsert, counting, duplicates, vectors (§5, E13)",[
 step({"createCollection":{"name":"video_stats"}}, ok()),
 step({"findOneAndUpdate":{"filter":{"_id":S1},"update":{"$inc":{"views":1},"$setOnInsert":{"first_view":{"$date":1748772900000}}},"options":{"upsert":True,"returnDocument":"after"}}},
      {"data":{"document":{"_id":S1,"views":1,"first_view":{"$date":1748772900000}}},"status":{"upsertedId":S1,"matchedCount":0,"modifiedCount":0}}, target="video_stats", note="upsert creates (E13)"),
 step({"findOneAndUpdate":{"filter":{"_id":S1},"update":{"$inc":{"views":1},"$setOnInsert":{"first_view":{"$date":1}}},"options":{"upsert":True,"returnDocument":"after"}}},
      {"data":{"document":{"_id":S1,"views":2,"first_view":{"$date":1748772900000}}},"status":{"matchedCount":1,"modifiedCount":1}}, target="video_stats", note="then increments; $setOnInsert ignored"),
 step({"findOneAndUpdate":{"filter":{"_id":S1},"update":{"$inc":{"views":5}}}},
      {"data":{"document":{"_id":S1,"views":2,"first_view":{"$date":1748772900000}}},"status":{"matchedCount":1,"modifiedCount":1}}, target="video_stats", note="returnDocument defaults to before"),
 step({"insertOne":{"document":{"_id":"other","views":3,"tags":["a","b"]}}}, {"status":{"insertedIds":["other"]}}, target="video_stats"),
 step({"insertOne":{"document":{"_id":"other"}}}, {"errors":[err("DOCUMENT_ALREADY_EXISTS","DOCUMENT")]}, target="video_stats"),
 step({"countDocuments":{"filter":{}}}, {"status":{"count":2}}, target="video_stats"),
 step({"countDocuments":{"filter":{"views":{"$gt":4}}}}, {"status":{"count":1}}, target="video_stats"),
 step({"find":{"filter":{"tags":"b"}}}, {"data":{"documents":[{"_id":"other","views":3,"tags":["a","b"]}],"nextPageState":None}}, target="video_stats", note="array contains"),
 step({"updateOne":{"filter":{"_id":"other"},"update":{"$set":{"nested.level":1},"$unset":{"tags":""}}}},
      {"status":{"matchedCount":1,"modifiedCount":1}}, target="video_stats", note="dotted $set"),
 step({"findOne":{"filter":{"nested.level":1}}}, {"data":{"document":{"_id":"other","views":3,"nested":{"level":1}}}}, target="video_stats"),
 step({"deleteOne":{"filter":{"_id":"other"}}}, {"status":{"deletedCount":1}}, target="video_stats"),
 step({"countDocuments":{"filter":{}}}, {"status":{"count":1}}, target="video_stats"),
 step({"createCollection":{"name":"clips","options":{"vector":{"dimension":3,"metric":"cosine"}}}}, ok()),
 step({"insertMany":{"documents":[{"_id":"a","$vector":[1,0,0]},{"_id":"b","$vector":[0,1,0]},{"_id":"c","$vector":[0.9,0.1,0]}]}}, {"status":{"insertedIds":["a","b","c"]}}, target="clips"),
 step({"find":{"sort":{"$vector":[1,0,0]},"options":{"limit":2,"includeSimilarity":True}}},
      {"data":{"documents":[{"_id":"a","$similarity":1.0},{"_id":"c","$similarity":cos_sim([1,0,0],[0.9,0.1,0])}],"nextPageState":None}}, target="clips", note="$vector hidden, similarity shown"),
 step({"insertOne":{"document":{"_id":"d","$vector":[1,0]}}}, {"errors":[err("SHRED_BAD_VECTOR_SIZE","DOCUMENT")]}, target="clips"),
])

# 07 clustering order that is not alphabetical (E2's comments_by_video)
comments_def={"columns":{"videoid":"uuid","created_at":"timestamp","commentid":"uuid","userid":"uuid","comment":"text"},
 "primaryKey":{"partitionBy":["videoid"],"partitionSort":{"created_at":-1,"commentid":1}}}
comments=[("2025-06-02T08:00:00Z","ffffffff-0000-4000-8000-000000000001","first"),
          ("2025-06-02T09:00:00Z","00000000-0000-4000-8000-000000000002","second"),
          ("2025-06-02T10:00:00Z","88888888-0000-4000-8000-000000000003","third")]
write("07_clustering_order.json","A partitionSort out of alphabetical order keeps its meaning end to end (E2, E9, E10)",[
 step({"createTable":{"name":"comments_by_video","definition":comments_def}}, ok()),
 step({"insertMany":{"documents":[{"videoid":V1,"created_at":t,"commentid":c,"userid":U1,"comment":x} for t,c,x in comments]}},
      {"status":{"primaryKeySchema":{"videoid":{"type":"uuid"},"created_at":{"type":"timestamp"},"commentid":{"type":"uuid"}},"insertedIds":"<any>"}}, target="comments_by_video", note="primaryKeySchema in key order"),
 step({"find":{"filter":{"videoid":V1},"projection":{"comment":1}}},
      {"data":{"documents":[{"comment":"third"},{"comment":"second"},{"comment":"first"}],"nextPageState":None},"status":{"projectionSchema":"<any>"}},
      target="comments_by_video", note="newest first: created_at leads the clustering key (E9)"),
 step({"deleteOne":{"filter":{"videoid":V1,"created_at":"2025-06-02T09:00:00Z","commentid":"00000000-0000-4000-8000-000000000002"}}},
      {"status":{"deletedCount":-1}}, target="comments_by_video", note="E10"),
 step({"find":{"filter":{"videoid":V1},"projection":{"comment":1}}},
      {"data":{"documents":[{"comment":"third"},{"comment":"first"}],"nextPageState":None},"status":{"projectionSchema":"<any>"}},
      target="comments_by_video"),
])

# 08 text indexes: createTextIndex, $match, lexical sort (data-api-wire §4.2, §4.5)
clips_def={"columns":{"clipid":"int","title":"text","description":"text","category":"text","views":"int"},"primaryKey":"clipid"}
clips=[(1,"Intro to Vector Search","How approximate nearest neighbour search finds similar videos","education"),
       (2,"Cassandra data modeling","Tables shaped by their queries","education"),
       (3,"Searching for the perfect espresso","A barista searches cafés for the best search of beans","food"),
       (4,"Vector databases compared","Vector search in five vector databases","education")]
def ids(*clip_ids): return [{"clipid":c} for c in clip_ids]
write("08_text_index.json","Table text indexes: createTextIndex, listIndexes, $match filters, lexical BM25 sorts and their errors (§4.2, §4.5)",[
 step({"createTable":{"name":"clips","definition":clips_def}}, ok()),
 step({"insertMany":{"documents":[{"clipid":c,"title":t,"description":d,"category":k} for c,t,d,k in clips]}}, {"status":"<any>"}, target="clips"),
 step({"createTextIndex":{"name":"clips_description_text","definition":{"column":"description","options":{"analyzer":"english"}},
       "options":{"ifNotExists":True}}}, ok(), target="clips", note="built for the rows already stored"),
 step({"createTextIndex":{"name":"clips_title_text","definition":{"column":"title"}}}, ok(), target="clips", note="default analyzer"),
 step({"createTextIndex":{"name":"clips_title_text","definition":{"column":"title"}}},
      {"errors":[err("CANNOT_ADD_EXISTING_INDEX","SCHEMA")]}, target="clips"),
 step({"createTextIndex":{"name":"clips_views_text","definition":{"column":"views"}}},
      {"errors":[err("UNSUPPORTED_TEXT_INDEX_FOR_DATA_TYPES","SCHEMA")]}, target="clips", note="text and ascii columns only"),
 step({"listIndexes":{"options":{"explain":True}}},
      {"status":{"indexes":[{"name":"clips_description_text","definition":{"column":"description","options":{"analyzer":"english"}},"indexType":"text"},
                            {"name":"clips_title_text","definition":{"column":"title","options":{"analyzer":"standard"}},"indexType":"text"}]}}, target="clips"),
 step({"find":{"filter":{"title":{"$match":"vector"}},"projection":{"clipid":1}}},
      {"data":{"documents":ids(1,4),"nextPageState":None},"status":{"projectionSchema":"<any>"}}, target="clips", note="$match, storage order"),
 step({"find":{"filter":{"title":{"$match":"VECTOR search"}},"projection":{"clipid":1}}},
      {"data":{"documents":ids(1),"nextPageState":None},"status":{"projectionSchema":"<any>"}}, target="clips", note="every term must match, any case"),
 step({"find":{"filter":{"description":{"$match":"searched"}},"projection":{"clipid":1}}},
      {"data":{"documents":ids(1,3,4),"nextPageState":None},"status":{"projectionSchema":"<any>"}}, target="clips", note="english analyzer stems"),
 step({"find":{"filter":{"description":{"$match":"vector"},"category":"education"},"projection":{"clipid":1}}},
      {"data":{"documents":ids(4),"nextPageState":None},"status":{"projectionSchema":"<any>","warnings":[err("MISSING_INDEX","WARNING")]}}, target="clips", note="combined with another key"),
 step({"find":{"sort":{"description":"vector search"},"projection":{"clipid":1}}},
      {"data":{"documents":ids(4),"nextPageState":None},"status":{"projectionSchema":"<any>","warnings":[err("ZERO_FILTER_OPERATIONS","WARNING")]}}, target="clips", note="lexical sort: rows holding every term"),
 step({"find":{"sort":{"description":"search"},"projection":{"clipid":1}}},
      {"data":{"documents":ids(3,4,1),"nextPageState":None},"status":"<any>"}, target="clips", note="lexical sort: best BM25 first"),
 step({"find":{"sort":{"description":"search"},"projection":{"clipid":1},"options":{"limit":1}}},
      {"data":{"documents":ids(3),"nextPageState":None},"status":"<any>"}, target="clips", note="limit"),
 step({"find":{"filter":{"category":"education"},"sort":{"description":"search"},"projection":{"clipid":1}}},
      {"data":{"documents":ids(4,1),"nextPageState":None},"status":"<any>"}, target="clips", note="lexical sort with a filter"),
 step({"find":{"filter":{"category":{"$match":"food"}}}},
      {"errors":[err("CANNOT_LEXICAL_FILTER_NON_INDEXED_COLUMNS","FILTER")]}, target="clips", note="$match needs a text index"),
 step({"find":{"sort":{"category":"food"}}},
      {"errors":[err("CANNOT_LEXICAL_SORT_NON_INDEXED_COLUMNS","SORT")]}, target="clips", note="lexical sort needs a text index"),
 step({"find":{"sort":{"description":"search","clipid":1}}},
      {"errors":[err("CANNOT_SORT_ON_SPECIAL_WITH_OTHERS","SORT")]}, target="clips"),
 step({"find":{"sort":{"description":"search"},"options":{"skip":1}}},
      {"errors":[err("CANNOT_LEXICAL_SORT_WITH_SKIP_OPTION","SORT")]}, target="clips"),
 step({"updateOne":{"filter":{"clipid":2},"update":{"$set":{"title":"Vector search on Cassandra"}}}},
      {"status":{"matchedCount":1,"modifiedCount":1}}, target="clips", note="updates reach the index"),
 step({"deleteOne":{"filter":{"clipid":1}}}, {"status":{"deletedCount":-1}}, target="clips", note="so do deletes"),
 step({"find":{"filter":{"title":{"$match":"vector search"}},"projection":{"clipid":1}}},
      {"data":{"documents":ids(2),"nextPageState":None},"status":{"projectionSchema":"<any>"}}, target="clips"),
 step({"dropIndex":{"name":"clips_title_text"}}, ok()),
 step({"find":{"filter":{"title":{"$match":"vector"}}}},
      {"errors":[err("CANNOT_LEXICAL_FILTER_NON_INDEXED_COLUMNS","FILTER")]}, target="clips", note="dropped"),
])

# 09 alterTable on tables; replaceOne / findOneAndReplace on collections; what this server does not implement
people_def={"columns":{"id":"text","age":"int","comment":"text"},"primaryKey":"id"}
write("09_alter_and_replace.json","alterTable add/drop columns, replaceOne and findOneAndReplace, and the refusals of what this local server does not implement (§4.5, §5)",[
 step({"createTable":{"name":"people","definition":people_def}}, ok()),
 step({"createIndex":{"name":"people_age","definition":{"column":"age"}}}, ok(), target="people"),
 step({"insertOne":{"document":{"id":"a","age":30,"comment":"hello"}}}, {"status":"<any>"}, target="people"),
 step({"alterTable":{"operation":{"add":{"columns":{"score":"double","tags":{"type":"set","valueType":"text"}}}}}}, ok(), target="people"),
 step({"insertOne":{"document":{"id":"b","score":2.5,"tags":["x"]}}}, {"status":"<any>"}, target="people", note="added columns take values"),
 step({"findOne":{"filter":{"id":"b"},"projection":{"score":1,"tags":1}}},
      {"data":{"document":{"score":2.5,"tags":["x"]}},"status":"<any>"}, target="people"),
 step({"alterTable":{"operation":{"add":{"columns":{"age":"int"}}}}}, {"errors":[err("CANNOT_ADD_EXISTING_COLUMNS","SCHEMA")]}, target="people"),
 step({"alterTable":{"operation":{"drop":{"columns":["comment"]}}}}, ok(), target="people"),
 step({"findOne":{"filter":{"id":"a"}}}, {"data":{"document":{"id":"a","age":30}},"status":"<any>"}, target="people", note="dropped column is gone"),
 step({"alterTable":{"operation":{"drop":{"columns":["id"]}}}}, {"errors":[err("CANNOT_DROP_PRIMARY_KEY_COLUMNS","SCHEMA")]}, target="people"),
 step({"alterTable":{"operation":{"drop":{"columns":["age"]}}}}, {"errors":[err("CANNOT_DROP_INDEXED_COLUMNS","SCHEMA")]}, target="people"),
 step({"alterTable":{"operation":{"drop":{"columns":["nope"]}}}}, {"errors":[err("CANNOT_DROP_UNKNOWN_COLUMNS","SCHEMA")]}, target="people"),
 step({"alterTable":{"operation":{"add":{"columns":{}}}}}, {"errors":[err("MISSING_ALTER_TABLE_OPERATIONS","SCHEMA")]}, target="people"),
 step({"alterTable":{"operation":{"dropVectorize":{"columns":["score"]}}}}, {"errors":[err("CANNOT_DROP_VECTORIZE_FROM_NON_VECTOR_COLUMNS","SCHEMA")]},
      target="people", note="vectorize settings are for vector columns (10_vectorize)"),
 step({"createCollection":{"name":"notes"}}, ok()),
 step({"insertMany":{"documents":[{"_id":"n1","views":5,"title":"old"},{"_id":"n2","views":9}]}}, {"status":{"insertedIds":["n1","n2"]}}, target="notes"),
 step({"replaceOne":{"filter":{"_id":"n1"},"replacement":{"views":6}}}, {"status":{"matchedCount":1,"modifiedCount":1}}, target="notes"),
 step({"findOne":{"filter":{"_id":"n1"}}}, {"data":{"document":{"_id":"n1","views":6}}}, target="notes", note="replaced whole"),
 step({"replaceOne":{"filter":{"_id":"n3"},"replacement":{"views":1},"options":{"upsert":True}}},
      {"status":{"upsertedId":"n3","matchedCount":0,"modifiedCount":0}}, target="notes"),
 step({"findOneAndReplace":{"filter":{},"sort":{"views":-1},"replacement":{"views":0},"options":{"returnDocument":"after"}}},
      {"data":{"document":{"_id":"n2","views":0}},"status":{"matchedCount":1,"modifiedCount":1}}, target="notes"),
 step({"replaceOne":{"filter":{"_id":"n1"},"replacement":{"_id":"n9"}}}, {"errors":[err("DOCUMENT_REPLACE_DIFFERENT_DOCID","DOCUMENT")]}, target="notes"),
 step({"findAndRerank":{"sort":{"$hybrid":"cats"}}}, {"errors":[err("COMMAND_NOT_IMPLEMENTED","")]}, target="notes",
      note="not implemented in this local server"),
 step({"findAndRerank":{"sort":{"$hybrid":"cats"}}}, {"errors":[err("UNSUPPORTED_TABLE_COMMAND","")]}, target="people",
      note="tables do not have it in the Data API either"),
])

# 10 vectorize with a stand-in provider: vectorize columns, text inserts and updates, text sorts, alterTable
# add/dropVectorize, $vectorize collections (data-api-wire §2, §3.1, §4.5, §5). Both backends embed with the
# host's local provider; what the fixture checks is that text goes where vectors go and that the nearest text
# comes first, not the scores (which are the provider's).
D=64
NV={"provider":"nvidia","modelName":"NV-Embed-QA"}
T1="10000000-0000-4000-8000-000000000001"; T2="10000000-0000-4000-8000-000000000002"; T3="10000000-0000-4000-8000-000000000003"
shorts_def={"columns":{"videoid":"uuid","name":"text","content_features":{"type":"vector","dimension":D,"service":NV},
  "plain":{"type":"vector","dimension":D}},"primaryKey":"videoid"}
vec_schema={"type":"vector","dimension":D,"service":NV}
def command_error(cmd, code, scope, target="", note=None):
    """A refusal of the whole command: errors only, no status."""
    s={"target":target,"command":cmd,"expect":{"errors":[err(code,scope)]}}
    if note: s["note"]=note
    return s
write("10_vectorize.json","Vectorize with the local provider standing in for the declared service: text in vector columns and sorts, alterTable add/dropVectorize, $vectorize on collections (§2, §3.1, §4.5, §5)",[
 step({"createTable":{"name":"shorts","definition":shorts_def}}, ok(), note="a vector column declared with a service"),
 step({"createVectorIndex":{"name":"shorts_features","definition":{"column":"content_features","options":{"metric":"cosine"}}}}, ok(), target="shorts"),
 step({"createVectorIndex":{"name":"shorts_plain","definition":{"column":"plain","options":{"metric":"cosine"}}}}, ok(), target="shorts"),
 step({"insertMany":{"documents":[
     {"videoid":T1,"name":"search","content_features":"vector search in Cassandra databases"},
     {"videoid":T2,"name":"pasta","content_features":"cooking fresh pasta at home"},
     {"videoid":T3,"name":"tomato","content_features":[1.0]+[0.0]*(D-1)}]}},
      {"status":{"primaryKeySchema":{"videoid":{"type":"uuid"}},"insertedIds":[[T1],[T2],[T3]]}}, target="shorts", note="text is embedded; numbers are still taken"),
 step({"find":{"sort":{"content_features":"vector search databases"},"projection":{"name":1},"options":{"limit":2,"includeSimilarity":True}}},
      {"data":{"documents":[{"name":"search","$similarity":"<any>"},{"name":"<any>","$similarity":"<any>"}],"nextPageState":None},
       "status":{"projectionSchema":{"name":{"type":"text"}}}}, target="shorts", note="sort by text: the nearest text first"),
 step({"findOne":{"sort":{"content_features":"cooking pasta"},"projection":{"name":1}}},
      {"data":{"document":{"name":"pasta"}},"status":"<any>"}, target="shorts"),
 step({"findOne":{"filter":{"videoid":T1},"projection":{"content_features":1}}},
      {"data":{"document":{"content_features":"<any>"}},"status":{"projectionSchema":{"content_features":vec_schema}}}, target="shorts",
      note="the column reads back as the vector; the schema names the service"),
 step({"find":{"sort":{"content_features":"cooking pasta"},"projection":{"name":1},"options":{"limit":1,"includeSortVector":True}}},
      {"data":{"documents":[{"name":"pasta"}],"nextPageState":None},"status":{"sortVector":"<any>","projectionSchema":"<any>"}}, target="shorts",
      note="the sort vector is the text's embedding"),
 step({"updateOne":{"filter":{"videoid":T3},"update":{"$set":{"content_features":"ripe tomato sauce for pasta"}}}},
      {"status":{"matchedCount":1,"modifiedCount":1}}, target="shorts", note="$set with text"),
 step({"findOne":{"sort":{"content_features":"tomato sauce"},"projection":{"name":1}}},
      {"data":{"document":{"name":"tomato"}},"status":"<any>"}, target="shorts"),
 step({"insertOne":{"document":{"videoid":T1,"plain":"not vectorized"}}},
      {"errors":[err("UNSUPPORTED_VECTORIZE_WHEN_MISSING_VECTORIZE_DEFINITION","DOCUMENT")]}, target="shorts", note="text in a column without a service"),
 step({"find":{"sort":{"plain":"some text"}}},
      {"errors":[err("CANNOT_VECTORIZE_SORT_WHEN_MISSING_VECTORIZE_DEFINITION","SORT")]}, target="shorts"),
 step({"alterTable":{"operation":{"addVectorize":{"columns":{"plain":NV}}}}}, ok(), target="shorts", note="addVectorize"),
 step({"insertOne":{"document":{"videoid":T2,"plain":"now it is"}}}, {"status":"<any>"}, target="shorts"),
 step({"findOne":{"sort":{"plain":"now it is"},"projection":{"name":1}}},
      {"data":{"document":{"name":"pasta"}},"status":"<any>"}, target="shorts"),
 step({"alterTable":{"operation":{"dropVectorize":{"columns":["plain"]}}}}, ok(), target="shorts", note="dropVectorize keeps the vectors"),
 step({"find":{"sort":{"plain":"now it is"}}},
      {"errors":[err("CANNOT_VECTORIZE_SORT_WHEN_MISSING_VECTORIZE_DEFINITION","SORT")]}, target="shorts"),
 step({"alterTable":{"operation":{"addVectorize":{"columns":{"name":NV}}}}},
      {"errors":[err("CANNOT_VECTORIZE_NON_VECTOR_COLUMNS","SCHEMA")]}, target="shorts"),
 step({"alterTable":{"operation":{"addVectorize":{"columns":{"nope":NV}}}}},
      {"errors":[err("CANNOT_VECTORIZE_UNKNOWN_COLUMNS","SCHEMA")]}, target="shorts"),
 step({"createTable":{"name":"wide","definition":{"columns":{"id":"text","v":{"type":"vector","dimension":D*2,"service":NV}},"primaryKey":"id"}}},
      {"errors":[err("VECTORIZE_FEATURE_NOT_AVAILABLE","SCHEMA")]}, note="the stand-in makes vectors of one dimension"),
 step({"createTable":{"name":"bad","definition":{"columns":{"id":"text","v":{"type":"vector","dimension":D,"service":{"provider":"nvidia"}}},"primaryKey":"id"}}},
      {"errors":[err("COLUMN_TYPE_INCORRECT","SCHEMA")]}, note="a service names a provider and a model"),
 step({"createCollection":{"name":"notes","options":{"vector":{"dimension":D,"metric":"cosine","service":NV}}}}, ok()),
 step({"insertMany":{"documents":[{"_id":"n1","$vectorize":"vector search in Cassandra databases"},{"_id":"n2","$vectorize":"cooking fresh pasta at home"}]}},
      {"status":{"insertedIds":["n1","n2"]}}, target="notes"),
 step({"find":{"sort":{"$vectorize":"cooking pasta"},"options":{"limit":1,"includeSimilarity":True}}},
      {"data":{"documents":[{"_id":"n2","$similarity":"<any>"}],"nextPageState":None}}, target="notes", note="$vectorize sort; $vector and $vectorize hidden"),
 step({"findOne":{"filter":{"_id":"n1"},"projection":{"$vectorize":1}}},
      {"data":{"document":{"_id":"n1","$vectorize":"vector search in Cassandra databases"}}}, target="notes", note="the text is kept"),
 step({"replaceOne":{"filter":{"_id":"n1"},"replacement":{"$vectorize":"tomato sauce"}}}, {"status":{"matchedCount":1,"modifiedCount":1}}, target="notes"),
 step({"findOne":{"sort":{"$vectorize":"tomato sauce"}}}, {"data":{"document":{"_id":"n1"}}}, target="notes"),
 command_error({"insertOne":{"document":{"_id":"n3","$vector":[1.0]+[0.0]*(D-1),"$vectorize":"both"}}},
      "SHRED_BAD_DOCUMENT_VECTOR_VECTORIZE_COMBINATION","DOCUMENT", target="notes"),
 step({"createCollection":{"name":"plain_notes","options":{"vector":{"dimension":D}}}}, ok()),
 command_error({"insertOne":{"document":{"$vectorize":"no service"}}}, "EMBEDDING_SERVICE_NOT_CONFIGURED", "SCHEMA", target="plain_notes"),
 step({"find":{"sort":{"$vectorize":"no service"}}}, {"errors":[err("EMBEDDING_SERVICE_NOT_CONFIGURED","SCHEMA")]}, target="plain_notes"),
], vectorize_local=D)

# 11 vectorize without a provider: the errors of data-api-wire §9.10, never invented vectors
write("11_vectorize_unavailable.json","Without an embedding provider, vectorize is refused (VECTORIZE_FEATURE_NOT_AVAILABLE, EMBEDDING_SERVICE_NOT_CONFIGURED, §9.10)",[
 step({"createTable":{"name":"shorts","definition":shorts_def}}, {"errors":[err("VECTORIZE_FEATURE_NOT_AVAILABLE","SCHEMA")]}, note="a service needs a provider"),
 step({"createCollection":{"name":"notes","options":{"vector":{"dimension":D,"service":NV}}}}, {"errors":[err("VECTORIZE_FEATURE_NOT_AVAILABLE","SCHEMA")]}),
 step({"createTable":{"name":"plain","definition":{"columns":{"id":"text","v":{"type":"vector","dimension":D}},"primaryKey":"id"}}}, ok()),
 step({"insertOne":{"document":{"id":"a","v":"some text"}}}, {"errors":[err("UNSUPPORTED_VECTORIZE_WHEN_MISSING_VECTORIZE_DEFINITION","DOCUMENT")]}, target="plain"),
 step({"alterTable":{"operation":{"addVectorize":{"columns":{"v":NV}}}}}, {"errors":[err("VECTORIZE_FEATURE_NOT_AVAILABLE","SCHEMA")]}, target="plain"),
 step({"createCollection":{"name":"plain_notes","options":{"vector":{"dimension":D}}}}, ok()),
 command_error({"insertOne":{"document":{"$vectorize":"no service"}}}, "EMBEDDING_SERVICE_NOT_CONFIGURED", "SCHEMA", target="plain_notes"),
])
