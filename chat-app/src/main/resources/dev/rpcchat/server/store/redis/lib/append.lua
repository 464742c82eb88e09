-- Appends a message to a room and publishes it, the one place that writes a message: takes
-- the room's next id, adds the stream entry '<id>-0' (t: the type's initial, r: the
-- recipient's name key, s: the sender's name key, m: the message as JSON, as clients get it),
-- trims the log to the history limit, keeps a broadcast's id in the room's recent broadcasts,
-- and publishes the message on the channel. Answers the message as JSON, and its id.
-- m: {room, log, broadcasts (keys), room_name, type ('broadcast', 'unicast', 'system'),
--     sender, sender_key, recipient, recipient_key (nil or '' when none), content, ts,
--     history_limit, broadcasts_kept, channel}
local function append_message(m)
  local id = redis.call('HINCRBY', m.room, 'lastId', 1)
  local message = cjson.encode({id = id, room = m.room_name, type = m.type, sender = m.sender,
    recipient = m.recipient, content = m.content, ts = m.ts})
  redis.call('XADD', m.log, 'MAXLEN', m.history_limit, id .. '-0', 't', string.sub(m.type, 1, 1),
    'r', m.recipient_key or '', 's', m.sender_key or '', 'm', message)
  if m.type == 'broadcast' then
    redis.call('LPUSH', m.broadcasts, id)
    redis.call('LTRIM', m.broadcasts, 0, tonumber(m.broadcasts_kept) - 1)
  end
  redis.call('PUBLISH', m.channel, message)
  return message, id
end
