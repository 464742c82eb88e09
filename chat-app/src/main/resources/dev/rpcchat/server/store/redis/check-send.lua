-- Whether the room's state allows a message from a sender (to a recipient).
-- KEYS: room, members (slot of the room)
-- ARGV: senderKey, recipientKey or ''
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 'NO_SUCH_ROOM'
end
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 0 then
  return 'SENDER_NOT_IN_ROOM'
end
if ARGV[2] ~= '' and redis.call('HEXISTS', KEYS[2], ARGV[2]) == 0 then
  return 'RECIPIENT_NOT_IN_ROOM'
end
return 'ALLOWED'
