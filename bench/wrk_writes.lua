-- wrk script for the server benchmark's write rows: "submit" posts trainings and keeps the new ids,
-- "approve" approves the ids a submit run kept. wrk ... -s wrk_writes.lua URL -- MODE DIR FIRST_SLOT THREADS CSRF
-- One file of ids per wrk thread in DIR; a thread stops when its ids run out.

local threads = {}
local mode, dir, first_slot, stride, csrf
local sent, ids, next_id, kept = 0, {}, 1, nil  -- tid is set by setup()

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function init(args)
  mode, dir, first_slot, stride, csrf = args[1], args[2], tonumber(args[3]), tonumber(args[4]), args[5]
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["X-CSRF-Token"] = csrf
  if mode == "submit" then
    kept = assert(io.open(dir .. "/ids-" .. tid, "w"))
  else
    for line in io.lines(dir .. "/ids-" .. tid) do ids[#ids + 1] = line end
  end
end

-- wrk.format takes the headers it is given instead of wrk's (the cookie from -H among them).
local function headers_with(name, value)
  local h = {}
  for k, v in pairs(wrk.headers) do h[k] = v end
  h[name] = value
  return h
end

-- Forty half hours a day from 1 January 2025, under the 24 hours a day allows; slots are shared
-- out by thread so no two requests take the same one.
local function submission()
  local slot = first_slot + (sent - 1) * stride + tid
  local date = os.date("!%Y-%m-%d", os.time({year = 2025, month = 1, day = 1, hour = 12}) + math.floor(slot / 40) * 86400)
  local body = string.format('{"title":"Load %d","training_type":"informal","date":"%s","minutes":30}', slot, date)
  return wrk.format("POST", "/api/v1/trainings", headers_with("Idempotency-Key", "wrk-" .. slot), body)
end

function request()
  sent = sent + 1
  if mode == "submit" then return submission() end
  local id = ids[next_id]
  next_id = next_id + 1
  if id == nil then
    -- Out of ids: one harmless read per connection while the thread stops.
    wrk.thread:stop()
    return wrk.format("GET", "/api/v1/health")
  end
  return wrk.format("POST", "/api/v1/entries/" .. id .. "/approve", nil, "{}")
end

function response(status, headers, body)
  if kept ~= nil and status == 201 then
    local id = string.match(body, '"id":"(e%-[%w_%-]+)"')
    if id then kept:write(id, "\n"); kept:flush() end
  end
end
