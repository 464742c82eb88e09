-- A whole send_message in one step, the checks in the protocol's order: renews the token's
-- session and refuses a token that is not the named user's; answers a repeat of client_msg_id;
-- checks the room's state; takes one send from the sender's bucket; appends the message and
-- remembers its client_msg_id. Answers {OK, message}, {DUPLICATE, message},
-- {RATE_LIMITED, microseconds}, {UNAUTHORIZED}, {NO_SUCH_ROOM}, {NOT_MEMBER} (the sender) or
-- {RECIPIENT_NOT_IN_ROOM}.
local token_key, expiries_key, sent_key, rate_key, room_key, members_key, log_key, broadcasts_key =
  KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7], KEYS[8]
local now, expires_at, user_key, recipient_key, content, client_msg_id = tonumber(ARGV[1]), tonumber(ARGV[2]),
  ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local window, rate_interval, rate_burst = tonumber(ARGV[7]), tonumber(ARGV[8]), tonumber(ARGV[9])
local history_limit, broadcasts_kept, channel = ARGV[10], ARGV[11], ARGV[12]
if not renew_session(token_key, expiries_key, now, expires_at, user_key) then
  return {UNAUTHORIZED}
end
if client_msg_id ~= '' then
  -- '<sent at> <message>'
  local sent = redis.call('GET', sent_key)
  if sent then
    local separator = string.find(sent, ' ', 1, true)
    if now < tonumber(string.sub(sent, 1, separator - 1)) + window then
      return {DUPLICATE, string.sub(sent, separator + 1)}
    end
  end
end
local name = redis.call('HGET', room_key, 'name')
if not name then
  return {NO_SUCH_ROOM}
end
local sender = redis.call('HGET', members_key, user_key)
if not sender then
  return {NOT_MEMBER}
end
local recipient = nil
local type = 'broadcast'
if recipient_key ~= '' then
  recipient = redis.call('HGET', members_key, recipient_key)
  if not recipient then
    return {RECIPIENT_NOT_IN_ROOM}
  end
  type = 'unicast'
end
local wait = take_token(rate_key, now, rate_interval, rate_burst)
if wait > 0 then
  return {RATE_LIMITED, wait}
end
local message = append_message({room = room_key, log = log_key, broadcasts = broadcasts_key, room_name = name,
  type = type, sender = sender, sender_key = user_key, recipient = recipient, recipient_key = recipient_key,
  content = content, ts = ARGV[1], history_limit = history_limit, broadcasts_kept = broadcasts_kept,
  channel = channel})
if client_msg_id ~= '' then
  redis.call('SET', sent_key, ARGV[1] .. ' ' .. message, 'PX', window)
end
return {OK, message}
