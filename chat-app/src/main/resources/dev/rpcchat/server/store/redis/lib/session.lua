-- Renews the live session of a token, never shortening it, and answers whether it is the
-- session of the user with this name key.
local function renew_session(token_key, expiries_key, now, expires_at, user_key)
  local session = redis.call('HMGET', token_key, 'username', 'userKey', 'expiresAt')
  if not session[1] or tonumber(session[3]) <= now then
    return false
  end
  local renewed = math.max(tonumber(session[3]), expires_at)
  redis.call('HSET', token_key, 'expiresAt', renewed)
  redis.call('ZADD', expiries_key, renewed, session[2])
  return session[2] == user_key
end
