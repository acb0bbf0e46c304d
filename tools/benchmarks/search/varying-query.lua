-- wrk script: every request asks a different query, so that nothing the server keeps from one search (the
-- vector index's shortlist of a query, an embedder's cache) answers the next one. The path template's {n}
-- becomes a number counted up from `first`; each wrk thread counts from its own million.
--
--   wrk -s varying-query.lua http://host:port -- '/api/v1/search/videos?mode=semantic&query=Video%20{n}&pageSize=20' 50000

local threads = 0

function setup(thread)
  thread:set("thread_index", threads)
  threads = threads + 1
end

local template, n

function init(args)
  template = args[1]
  n = tonumber(args[2] or "0") + (thread_index or 0) * 1000000
end

function request()
  local path = template:gsub("{n}", tostring(n))
  n = n + 1
  return wrk.format(nil, path)
end
