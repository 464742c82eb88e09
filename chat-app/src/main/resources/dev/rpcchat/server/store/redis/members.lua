-- The registered names of a room's members: {OK, names} or {NO_SUCH_ROOM}.
local room_key, members_key = KEYS[1], KEYS[2]
if redis.call('EXISTS', room_key) == 0 then
  return {NO_SUCH_ROOM}
end
return {OK, redis.call('HVALS', members_key)}
