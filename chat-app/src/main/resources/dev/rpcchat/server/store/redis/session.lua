-- Renews the live session of a token, never shortening it (as touch-session.lua does), and
-- answers whether it is the session of the user with this name key.
local function renew_session(tokenKey, expiriesKey, now, expiresAt, userKey)
  local session = redis.call('HMGET', tokenKey, 'username', 'userKey', 'expiresAt')
  if not session[1] or tonumber(session[3]) <= now then
    return false
  end
  local renewed = math.max(tonumber(session[3]), expiresAt)
  redis.call('HSET', tokenKey, 'expiresAt', renewed)
  redis.call('ZADD', expiriesKey, renewed, session[2])
  return session[2] == userKey
end
