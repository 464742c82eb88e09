-- Removes a session if the name is still held by this token and, when a time is given, if
-- the session has expired by then.
-- KEYS: name, token, expiries (one slot: {users})
-- ARGV: tokenHash, userKey, nowMillis or ''
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return 0
end
if ARGV[3] ~= '' and tonumber(redis.call('HGET', KEYS[2], 'expiresAt')) > tonumber(ARGV[3]) then
  return 0
end
redis.call('DEL', KEYS[1], KEYS[2])
redis.call('ZREM', KEYS[3], ARGV[2])
return 1
