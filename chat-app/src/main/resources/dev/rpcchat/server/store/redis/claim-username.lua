-- Claims a username if no session holds it. The name's key holds the token hash of its
-- session; the token's key holds the session, so that a call with a token finds it at once.
-- KEYS: name, token, expiries (one slot: {users})
-- ARGV: username, tokenHash, expiresAtMillis, userKey
if not redis.call('SET', KEYS[1], ARGV[2], 'NX') then
  return 0
end
redis.call('HSET', KEYS[2], 'username', ARGV[1], 'userKey', ARGV[4], 'expiresAt', ARGV[3])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[4])
return 1
