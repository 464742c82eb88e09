-- Joins a user to a room: adds the member, appends and publishes "<user> joined", sets the
-- member's cursor and floor to it; then answers the members and the last broadcasts.
-- KEYS: room, members, cursors, floors, log, broadcasts (slot of the room)
-- ARGV: userKey, username, recentBroadcasts, nowMillis, historyLimit, channel
local name = redis.call('HGET', KEYS[1], 'name')
if not name then
  return {'NO_SUCH_ROOM'}
end
local outcome = 'ALREADY_MEMBER'
local announcement = ''
if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2]) == 1 then
  outcome = 'JOINED'
  local id = redis.call('HINCRBY', KEYS[1], 'lastId', 1)
  announcement = cjson.encode({id = id, room = name, type = 'system', content = ARGV[2] .. ' joined', ts = ARGV[4]})
  redis.call('XADD', KEYS[5], 'MAXLEN', ARGV[5], id .. '-0', 't', 's', 'r', '', 'm', announcement)
  redis.call('HDEL', KEYS[1], 'emptySince')
  redis.call('HSET', KEYS[3], ARGV[1], id)
  redis.call('HSET', KEYS[4], ARGV[1], id)
  redis.call('PUBLISH', ARGV[6], announcement)
end
-- The broadcasts list holds ids, newest first; those trimmed from the log are gone.
local recent = {}
local ids = redis.call('LRANGE', KEYS[6], 0, tonumber(ARGV[3]) - 1)
for i = #ids, 1, -1 do
  local entry = redis.call('XRANGE', KEYS[5], ids[i] .. '-0', ids[i] .. '-0')
  if entry[1] then
    local fields = entry[1][2]
    for f = 1, #fields, 2 do
      if fields[f] == 'm' then
        recent[#recent + 1] = fields[f + 1]
      end
    end
  end
end
return {outcome, name, announcement, redis.call('HVALS', KEYS[2]), recent}
