-- A whole send_message in one step, for a Redis whose keys are all on one server (not a
-- Cluster): renews the token's session (session.lua, put before this script) and refuses a
-- token that is not the named user's; answers a repeat of client_msg_id; checks the room's
-- state; takes one send from the sender's bucket (token-bucket.lua, put before this script);
-- appends (as append.lua), remembers client_msg_id and publishes the message.
-- KEYS: token, expiries, sent (the sender's client_msg_id; {users}), room, members, log,
--       broadcasts (slot of the room), bucket (slot of the sender's rate)
-- ARGV: nowMillis, expiresAtMillis, userKey, recipientKey or '', content, historyLimit, channel,
--       clientMsgId or '', windowMillis, broadcastsKept, perSecond (0: no limit), burst
local now = tonumber(ARGV[1])
if not renew_session(KEYS[1], KEYS[2], now, tonumber(ARGV[2]), ARGV[3]) then
  return {'UNAUTHORIZED'}
end
if ARGV[8] ~= '' then
  local sent = redis.call('GET', KEYS[3])
  if sent then
    local separator = string.find(sent, ' ', 1, true)
    if now < tonumber(string.sub(sent, 1, separator - 1)) + tonumber(ARGV[9]) then
      return {'DUPLICATE', string.sub(sent, separator + 1)}
    end
  end
end
local name = redis.call('HGET', KEYS[4], 'name')
if not name then
  return {'NO_SUCH_ROOM'}
end
local sender = redis.call('HGET', KEYS[5], ARGV[3])
if not sender then
  return {'SENDER_NOT_IN_ROOM'}
end
local recipient = nil
local type = 'broadcast'
if ARGV[4] ~= '' then
  recipient = redis.call('HGET', KEYS[5], ARGV[4])
  if not recipient then
    return {'RECIPIENT_NOT_IN_ROOM'}
  end
  type = 'unicast'
end
if tonumber(ARGV[11]) > 0 then
  local wait = take_send(KEYS[8], now, tonumber(ARGV[11]), tonumber(ARGV[12]))
  if wait > 0 then
    return {'RATE_LIMITED', tostring(wait)}
  end
end
local id = redis.call('HINCRBY', KEYS[4], 'lastId', 1)
local message = cjson.encode({id = id, room = name, type = type, sender = sender, recipient = recipient,
  content = ARGV[5], ts = ARGV[1]})
redis.call('XADD', KEYS[6], 'MAXLEN', ARGV[6], id .. '-0', 't', string.sub(type, 1, 1), 'r', ARGV[4], 's', ARGV[3],
  'm', message)
if type == 'broadcast' then
  redis.call('LPUSH', KEYS[7], id)
  redis.call('LTRIM', KEYS[7], 0, tonumber(ARGV[10]) - 1)
end
if ARGV[8] ~= '' then
  redis.call('SET', KEYS[3], ARGV[1] .. ' ' .. message, 'PX', ARGV[9])
end
redis.call('PUBLISH', ARGV[7], message)
return {'STORED', message}
