-- Removes a room with its history if it has had no members since the given time or earlier
-- (check-and-delete, so a room someone joined meanwhile survives).
-- KEYS: room, members, cursors, floors, log, broadcasts (slot of the room)
-- ARGV: emptySinceMillis
local room = redis.call('HMGET', KEYS[1], 'generation', 'emptySince')
if not room[1] then
  return {'NO_SUCH_ROOM'}
end
if redis.call('HLEN', KEYS[2]) > 0 or not room[2] or tonumber(room[2]) > tonumber(ARGV[1]) then
  return {'IN_USE'}
end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6])
return {'REMOVED', room[1]}
