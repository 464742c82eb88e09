-- The registered names of a room's members.
-- KEYS: room, members (slot of the room)
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {'NO_SUCH_ROOM'}
end
return {'MEMBERS', redis.call('HVALS', KEYS[2])}
