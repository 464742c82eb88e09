-- Joins a user to a room: adds the member, appends "<user> joined", sets the member's cursor
-- and floor to it; then answers the members and the last broadcasts:
-- {OK or ALREADY_MEMBER, room name, announcement or '', members, broadcasts}, or {NO_SUCH_ROOM}.
local room_key, members_key, cursors_key, floors_key, log_key, broadcasts_key =
  KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
local user_key, username, recent_count, now, history_limit, channel =
  ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4], ARGV[5], ARGV[6]
local name = redis.call('HGET', room_key, 'name')
if not name then
  return {NO_SUCH_ROOM}
end
local outcome = ALREADY_MEMBER
local announcement = ''
if redis.call('HSETNX', members_key, user_key, username) == 1 then
  outcome = OK
  local id
  announcement, id = append_message({room = room_key, log = log_key, room_name = name, type = 'system',
    content = username .. ' joined', ts = now, history_limit = history_limit, channel = channel})
  redis.call('HDEL', room_key, 'emptySince')
  redis.call('HSET', cursors_key, user_key, id)
  redis.call('HSET', floors_key, user_key, id)
end
-- The broadcasts list holds ids, newest first; those trimmed from the log are gone.
local recent = {}
local ids = redis.call('LRANGE', broadcasts_key, 0, recent_count - 1)
for i = #ids, 1, -1 do
  local entry = redis.call('XRANGE', log_key, ids[i] .. '-0', ids[i] .. '-0')
  if entry[1] then
    local fields = entry[1][2]
    for f = 1, #fields, 2 do
      if fields[f] == 'm' then
        recent[#recent + 1] = fields[f + 1]
      end
    end
  end
end
return {outcome, name, announcement, redis.call('HVALS', members_key), recent}
