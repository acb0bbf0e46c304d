# Writes N synthetic videos in the KillrVideo export's videos_cleaned.csv format: ids numbered, uploads
# spread over the days before END_MS (about 200 a day), two or three tags from a pool of 24, 150 uploaders.
# Usage: awk -v N=100000 -v END_MS=$(date +%s000) -f generate-videos.awk > videos_cleaned.csv
function uuid(kind, n) { return sprintf("%08x-0000-4000-8%03x-%012x", n, kind, n) }
function iso(ms,    s) { s = int(ms / 1000); return strftime("%Y-%m-%dT%H:%M:%S", s, 1) sprintf(".%03dZ", ms % 1000) }
BEGIN {
  split("cassandra astra datastax vector search tutorial data_modeling cql performance architecture " \
        "database scalable distributed demo workshop getting_started conference talk education ai " \
        "langflow python java streaming", pool, " ")
  print "videoid,added_date,description,location,location_type,name,preview_image_location,tags,userid,content_rating,category,language"
  span_ms = (N / 200 + 1) * 86400000
  for (i = 1; i <= N; i++) {
    added = END_MS - int(span_ms * (i - 1) / N) - 1000
    t1 = pool[(i % 24) + 1]; t2 = pool[((i * 7) % 24) + 1]; t3 = pool[((i * 13) % 24) + 1]
    tags = (i % 3 == 0) ? sprintf("{\"\"%s\"\",\"\"%s\"\",\"\"%s\"\"}", t1, t2, t3) : sprintf("{\"\"%s\"\",\"\"%s\"\"}", t1, t2)
    if (t1 == t2) tags = sprintf("{\"\"%s\"\"}", t1)
    yt = sprintf("bench%06d", i % 1000000)
    printf "%s,%s,\"Synthetic video %d about %s and %s.\",https://www.youtube.com/embed/%s,1,\"Video %d: %s in practice\",https://i.ytimg.com/vi/%s/maxresdefault.jpg,\"%s\",%s,G,Education,en\n",
      uuid(1, i), iso(added), i, t1, t2, yt, i, t1, yt, tags, uuid(2, i % 150 + 1)
  }
}
