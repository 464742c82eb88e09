-- Renews the live session of a token, never shortening it: {username, expiresAt}, or {} when
-- the token has no live session.
local token_key, expiries_key = KEYS[1], KEYS[2]
local now, expires_at = tonumber(ARGV[1]), tonumber(ARGV[2])
local session = redis.call('HMGET', token_key, 'username', 'userKey', 'expiresAt')
if not session[1] or tonumber(session[3]) <= now then
  return {}
end
local renewed = math.max(tonumber(session[3]), expires_at)
redis.call('HSET', token_key, 'expiresAt', renewed)
redis.call('ZADD', expiries_key, renewed, session[2])
return {session[1], tostring(renewed)}
