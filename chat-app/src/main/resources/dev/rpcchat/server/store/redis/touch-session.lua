-- Renews a live session whose token hash matches, never shortening it.
-- KEYS: session, expiries (one slot: {users})
-- ARGV: tokenHash, nowMillis, expiresAtMillis, userKey
local session = redis.call('HMGET', KEYS[1], 'username', 'tokenHash', 'expiresAt')
if not session[1] or session[2] ~= ARGV[1] or tonumber(session[3]) <= tonumber(ARGV[2]) then
  return {}
end
local expiresAt = math.max(tonumber(session[3]), tonumber(ARGV[3]))
redis.call('HSET', KEYS[1], 'expiresAt', expiresAt)
redis.call('ZADD', KEYS[2], expiresAt, ARGV[4])
return {session[1], tostring(expiresAt)}
