-- Reads, changing nothing, a page of what a member may see after or before an id: broadcasts,
-- system messages, and unicasts to or from the member sent since its join (id above its floor).
-- Walks the log from the given id in batches (XRANGE/XREVRANGE with COUNT), skipping what the
-- member may not see, until the page is full and one more visible message is found, or the
-- log ends: the cost grows with the page and the skipped messages, never with the history.
-- KEYS: room, members, floors, log (slot of the room)
-- ARGV: userKey, 'after' or 'before', the id (exclusive), limit
-- Answers {0, more (0 or 1), newestId, {messages oldest first}}, {1} no such room, {2} not a member.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {1}
end
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 0 then
  return {2}
end
local member = ARGV[1]
local floor = tonumber(redis.call('HGET', KEYS[3], member) or '0')
local newest = tonumber(redis.call('HGET', KEYS[1], 'lastId') or '0')
local after = ARGV[2] == 'after'
local bound = tonumber(ARGV[3])
local limit = tonumber(ARGV[4])
-- At least a few dozen entries a call, so that skipping many invisible ones takes few calls.
local batch = math.max(limit + 1, 32)
local page = {}
local more = 0
-- Ids are '<n>-0'; a bound outside 1..newest reads from the end it is past.
local next
if after then
  next = math.max(bound, 0) + 1
else
  next = math.min(bound, newest + 1) - 1
end
while more == 0 and next >= 1 and next <= newest do
  local entries
  if after then
    entries = redis.call('XRANGE', KEYS[4], next .. '-0', '+', 'COUNT', batch)
  else
    entries = redis.call('XREVRANGE', KEYS[4], next .. '-0', '-', 'COUNT', batch)
  end
  for _, entry in ipairs(entries) do
    local id = tonumber(string.match(entry[1], '^(%d+)'))
    local fields = entry[2]
    local values = {}
    for f = 1, #fields, 2 do
      values[fields[f]] = fields[f + 1]
    end
    -- A unicast stored without its sender's key ('s') is visible to its recipient only.
    if values['t'] ~= 'u' or (id > floor and (values['r'] == member or values['s'] == member)) then
      if #page == limit then
        more = 1
        break
      end
      page[#page + 1] = values['m']
    end
    if after then
      next = id + 1
    else
      next = id - 1
    end
  end
  if #entries < batch then
    break
  end
end
if not after then
  local reversed = {}
  for i = #page, 1, -1 do
    reversed[#reversed + 1] = page[i]
  end
  page = reversed
end
return {0, more, newest, page}
