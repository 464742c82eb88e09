-- Removes a session if its token hash matches and, when a time is given, if it has expired by then.
-- KEYS: session, token, expiries (one slot: {users})
-- ARGV: tokenHash, userKey, nowMillis or ''
local session = redis.call('HMGET', KEYS[1], 'tokenHash', 'expiresAt')
if not session[1] or session[1] ~= ARGV[1] then
  return 0
end
if ARGV[3] ~= '' and tonumber(session[2]) > tonumber(ARGV[3]) then
  return 0
end
redis.call('DEL', KEYS[1], KEYS[2])
redis.call('ZREM', KEYS[3], ARGV[2])
return 1
