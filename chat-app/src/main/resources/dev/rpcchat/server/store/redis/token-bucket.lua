-- A per-user token bucket of `burst` sends refilled continuously at `perSecond` (Bucket4j's
-- greedy refill), kept as the time at which the bucket will be full again (GCRA): a send
-- may go when the bucket holds a whole token, and moves that time one interval on.
-- Answers 0 when a send was taken, else the microseconds until one can be (at least 1).
-- The key expires when the bucket is full again, so an idle user's bucket costs nothing.
local function take_send(key, now, perSecond, burst)
  local interval = 1000 / perSecond
  local full = tonumber(redis.call('GET', key) or '0')
  if full < now then
    full = now
  end
  local excess = full - now - (burst - 1) * interval
  if excess > 0 then
    return math.max(1, math.ceil(excess * 1000))
  end
  full = full + interval
  redis.call('SET', key, string.format('%.3f', full), 'PX', math.max(1, math.ceil(full - now)))
  return 0
end
