-- Removes a member: drops its cursor and floor, appends "<user> left", and starts the room's
-- idle time if it is now empty. Answers {OK, announcement}, {NOT_MEMBER} or {NO_SUCH_ROOM}.
local room_key, members_key, cursors_key, floors_key, log_key = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local user_key, now, history_limit, channel = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local name = redis.call('HGET', room_key, 'name')
if not name then
  return {NO_SUCH_ROOM}
end
local username = redis.call('HGET', members_key, user_key)
if not username then
  return {NOT_MEMBER}
end
redis.call('HDEL', members_key, user_key)
redis.call('HDEL', cursors_key, user_key)
redis.call('HDEL', floors_key, user_key)
local announcement = append_message({room = room_key, log = log_key, room_name = name, type = 'system',
  content = username .. ' left', ts = now, history_limit = history_limit, channel = channel})
if redis.call('HLEN', members_key) == 0 then
  redis.call('HSET', room_key, 'emptySince', now)
end
return {OK, announcement}
