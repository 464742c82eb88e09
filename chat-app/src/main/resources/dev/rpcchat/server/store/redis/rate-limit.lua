-- Takes one send from a user's bucket (see token-bucket.lua, put before this script).
-- KEYS: the user's bucket
-- ARGV: nowMillis, perSecond, burst
return take_send(KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]))
