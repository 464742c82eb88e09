-- Claims a username if no session holds it and the store is not full. The name's key holds
-- the token hash of its session; the token's key holds the session, so that a call with a
-- token finds it at once.
local name_key, token_key, expiries_key = KEYS[1], KEYS[2], KEYS[3]
local username, token_hash, expires_at, user_key, max_users = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
if redis.call('EXISTS', name_key) == 1 then
  return TAKEN
end
if redis.call('ZCARD', expiries_key) >= tonumber(max_users) then
  return FULL
end
redis.call('SET', name_key, token_hash)
redis.call('HSET', token_key, 'username', username, 'userKey', user_key, 'expiresAt', expires_at)
redis.call('ZADD', expiries_key, expires_at, user_key)
return OK
