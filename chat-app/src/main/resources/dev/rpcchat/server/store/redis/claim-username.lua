-- Claims a username if no session holds it.
-- KEYS: session, token, expiries (one slot: {users})
-- ARGV: username, tokenHash, expiresAtMillis, userKey
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
redis.call('HSET', KEYS[1], 'username', ARGV[1], 'tokenHash', ARGV[2], 'expiresAt', ARGV[3])
redis.call('SET', KEYS[2], ARGV[4])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[4])
return 1
