-- Removes a member: drops its cursor and floor, appends and publishes "<user> left", and
-- starts the room's idle time if it is now empty.
-- KEYS: room, members, cursors, floors, log (slot of the room)
-- ARGV: userKey, nowMillis, historyLimit, channel
local name = redis.call('HGET', KEYS[1], 'name')
if not name then
  return {'NO_SUCH_ROOM'}
end
local username = redis.call('HGET', KEYS[2], ARGV[1])
if not username then
  return {'NOT_MEMBER'}
end
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('HDEL', KEYS[4], ARGV[1])
local id = redis.call('HINCRBY', KEYS[1], 'lastId', 1)
local announcement = cjson.encode({id = id, room = name, type = 'system', content = username .. ' left', ts = ARGV[2]})
redis.call('XADD', KEYS[5], 'MAXLEN', ARGV[3], id .. '-0', 't', 's', 'r', '', 'm', announcement)
if redis.call('HLEN', KEYS[2]) == 0 then
  redis.call('HSET', KEYS[1], 'emptySince', ARGV[2])
end
redis.call('PUBLISH', ARGV[4], announcement)
return {'LEFT', announcement}
