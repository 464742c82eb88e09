-- Reads what a member may see past a cursor (its own, or the client's but never before its
-- join) and moves its stored cursor forward to the last message returned.
-- KEYS: room, members, cursors, floors, log (slot of the room)
-- ARGV: userKey, afterId or ''
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {'NO_SUCH_ROOM'}
end
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 0 then
  return {'NOT_MEMBER'}
end
local cursor = tonumber(redis.call('HGET', KEYS[3], ARGV[1]) or '0')
local after = cursor
if ARGV[2] ~= '' then
  after = math.max(tonumber(ARGV[2]), tonumber(redis.call('HGET', KEYS[4], ARGV[1]) or '0'))
end
local messages = {}
local last = cursor
-- Ids are '<n>-0', so the first id past the cursor is '<n+1>-0'.
for _, entry in ipairs(redis.call('XRANGE', KEYS[5], (after + 1) .. '-0', '+')) do
  local fields = entry[2]
  local values = {}
  for f = 1, #fields, 2 do
    values[fields[f]] = fields[f + 1]
  end
  if values['t'] ~= 'u' or values['r'] == ARGV[1] then
    messages[#messages + 1] = values['m']
    last = math.max(last, tonumber(string.match(entry[1], '^(%d+)')))
  end
end
if last > cursor then
  redis.call('HSET', KEYS[3], ARGV[1], last)
end
return {'MESSAGES', messages}
