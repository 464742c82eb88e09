-- Removes a session, and its send rate, if the name is still held by this token and, when a
-- time is given, if the session has expired by then.
local name_key, token_key, expiries_key, rate_key = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local token_hash, user_key, now = ARGV[1], ARGV[2], ARGV[3]
if redis.call('GET', name_key) ~= token_hash then
  return 0
end
if now ~= '' and tonumber(redis.call('HGET', token_key, 'expiresAt')) > tonumber(now) then
  return 0
end
redis.call('DEL', name_key, token_key, rate_key)
redis.call('ZREM', expiries_key, user_key)
return 1
