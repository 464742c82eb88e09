-- Removes a room from the list of rooms if the entry is still the given generation's.
-- KEYS: rooms (slot: {rooms})
-- ARGV: roomKey, generation
local entry = redis.call('HGET', KEYS[1], ARGV[1])
if entry and string.sub(entry, 1, #ARGV[2] + 1) == ARGV[2] .. ' ' then
  redis.call('HDEL', KEYS[1], ARGV[1])
  return 1
end
return 0
