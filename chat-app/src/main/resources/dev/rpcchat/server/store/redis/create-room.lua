-- Creates a room if absent; a new room is empty, so its idle time starts now.
-- KEYS: room (slot of the room)
-- ARGV: roomName, nowMillis, generation
if redis.call('EXISTS', KEYS[1]) == 1 then
  return redis.call('HMGET', KEYS[1], 'generation', 'name')
end
redis.call('HSET', KEYS[1], 'name', ARGV[1], 'createdAt', ARGV[2], 'emptySince', ARGV[2], 'lastId', 0,
  'generation', ARGV[3])
return {}
