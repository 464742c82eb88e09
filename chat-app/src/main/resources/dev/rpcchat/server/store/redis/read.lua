-- One read of receive_messages in one step: renews the token's session and refuses a token
-- that is not the named reader's; then reads what the member may see past a cursor (its own,
-- or the client's but never before its join), at most `limit` messages, and moves its stored
-- cursor past what it read: the last message returned when the limit cut the read short, else
-- the newest. Answers {OK, messages}, {UNAUTHORIZED}, {NO_SUCH_ROOM} or {NOT_MEMBER}.
local token_key, expiries_key, room_key, members_key, cursors_key, floors_key, log_key =
  KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7]
local now, expires_at, user_key, after_id, limit = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3], ARGV[4],
  tonumber(ARGV[5])
if not renew_session(token_key, expiries_key, now, expires_at, user_key) then
  return {UNAUTHORIZED}
end
if redis.call('EXISTS', room_key) == 0 then
  return {NO_SUCH_ROOM}
end
if redis.call('HEXISTS', members_key, user_key) == 0 then
  return {NOT_MEMBER}
end
local cursor = tonumber(redis.call('HGET', cursors_key, user_key) or '0')
local after = cursor
if after_id ~= '' then
  after = math.max(tonumber(after_id), tonumber(redis.call('HGET', floors_key, user_key) or '0'))
end
local newest = tonumber(redis.call('HGET', room_key, 'lastId') or '0')
local messages = {}
local through = newest
local next = after + 1
-- At least a few dozen entries a call, so that skipping many invisible ones takes few calls.
local batch = math.max(limit + 1, 32)
while next <= newest and through == newest do
  -- Ids are '<n>-0'.
  local entries = redis.call('XRANGE', log_key, next .. '-0', '+', 'COUNT', batch)
  for _, entry in ipairs(entries) do
    local fields = entry[2]
    local values = {}
    for f = 1, #fields, 2 do
      values[fields[f]] = fields[f + 1]
    end
    local id = tonumber(string.match(entry[1], '^(%d+)'))
    next = id + 1
    if values['t'] ~= 'u' or values['r'] == user_key then
      messages[#messages + 1] = values['m']
      if #messages == limit then
        through = id
        break
      end
    end
  end
  if #entries < batch then
    break
  end
end
if through > cursor then
  redis.call('HSET', cursors_key, user_key, through)
end
return {OK, messages}
