-- Appends a message unless the sender already sent one with this client_msg_id within the
-- window (then answers that one); checks the room's state first, trims the log to the
-- history limit and publishes the message.
-- KEYS: room, members, log, broadcasts, sent (slot of the room; sent is per sender and client_msg_id)
-- ARGV: senderKey, recipientKey or '', content, nowMillis, historyLimit, channel, clientMsgId or '',
--       windowMillis, broadcastsKept
local now = tonumber(ARGV[4])
local name = redis.call('HGET', KEYS[1], 'name')
if not name then
  return {'NO_SUCH_ROOM'}
end
if ARGV[7] ~= '' then
  local sent = redis.call('GET', KEYS[5])
  if sent then
    local separator = string.find(sent, ' ', 1, true)
    if now < tonumber(string.sub(sent, 1, separator - 1)) + tonumber(ARGV[8]) then
      return {'DUPLICATE', string.sub(sent, separator + 1)}
    end
  end
end
local sender = redis.call('HGET', KEYS[2], ARGV[1])
if not sender then
  return {'SENDER_NOT_IN_ROOM'}
end
local recipient = nil
local type = 'broadcast'
if ARGV[2] ~= '' then
  recipient = redis.call('HGET', KEYS[2], ARGV[2])
  if not recipient then
    return {'RECIPIENT_NOT_IN_ROOM'}
  end
  type = 'unicast'
end
local id = redis.call('HINCRBY', KEYS[1], 'lastId', 1)
local message = cjson.encode({id = id, room = name, type = type, sender = sender, recipient = recipient,
  content = ARGV[3], ts = ARGV[4]})
redis.call('XADD', KEYS[3], 'MAXLEN', ARGV[5], id .. '-0', 't', string.sub(type, 1, 1), 'r', ARGV[2], 's', ARGV[1],
  'm', message)
if type == 'broadcast' then
  redis.call('LPUSH', KEYS[4], id)
  redis.call('LTRIM', KEYS[4], 0, tonumber(ARGV[9]) - 1)
end
if ARGV[7] ~= '' then
  redis.call('SET', KEYS[5], ARGV[4] .. ' ' .. message, 'PX', ARGV[8])
end
redis.call('PUBLISH', ARGV[6], message)
return {'STORED', message}
