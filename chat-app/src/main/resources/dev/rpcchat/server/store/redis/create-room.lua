-- Creates a room and lists it, if no room has its name and there are fewer than the most
-- rooms; a new room is empty, so its idle time starts now. The list of rooms maps each name
-- key to '<generation> <name>'. Answers {OK}, {EXISTS, name} or {FULL}.
local room_key, rooms_key = KEYS[1], KEYS[2]
local room_name, now, generation, name_key, max_rooms = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local existing = redis.call('HMGET', room_key, 'generation', 'name')
if existing[1] then
  return {EXISTS, existing[2]}
end
if redis.call('HLEN', rooms_key) >= tonumber(max_rooms) then
  return {FULL}
end
redis.call('HSET', room_key, 'name', room_name, 'createdAt', now, 'emptySince', now, 'lastId', 0,
  'generation', generation)
redis.call('HSET', rooms_key, name_key, generation .. ' ' .. room_name)
return {OK}
