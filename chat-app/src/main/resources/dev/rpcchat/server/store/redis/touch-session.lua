-- Renews the live session of a token, never shortening it.
-- KEYS: token, expiries (one slot: {users})
-- ARGV: nowMillis, expiresAtMillis
local session = redis.call('HMGET', KEYS[1], 'username', 'userKey', 'expiresAt')
if not session[1] or tonumber(session[3]) <= tonumber(ARGV[1]) then
  return {}
end
local expiresAt = math.max(tonumber(session[3]), tonumber(ARGV[2]))
redis.call('HSET', KEYS[1], 'expiresAt', expiresAt)
redis.call('ZADD', KEYS[2], expiresAt, session[2])
return {session[1], tostring(expiresAt)}
