-- Removes a room with its history, and its entry in the list of rooms, if it has had no
-- members since the given time or earlier (check-and-delete, so a room someone joined
-- meanwhile survives); a listed room that no longer exists loses its entry.
-- Answers OK (removed), IN_USE or NO_SUCH_ROOM.
local room_key, members_key, cursors_key, floors_key, log_key, broadcasts_key, rooms_key =
  KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7]
local name_key, empty_since = ARGV[1], tonumber(ARGV[2])
local room = redis.call('HMGET', room_key, 'generation', 'emptySince')
if not room[1] then
  redis.call('HDEL', rooms_key, name_key)
  return NO_SUCH_ROOM
end
if redis.call('HLEN', members_key) > 0 or not room[2] or tonumber(room[2]) > empty_since then
  return IN_USE
end
redis.call('DEL', room_key, members_key, cursors_key, floors_key, log_key, broadcasts_key)
redis.call('HDEL', rooms_key, name_key)
return OK
