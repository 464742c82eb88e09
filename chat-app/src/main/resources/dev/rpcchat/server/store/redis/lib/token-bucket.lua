-- A token bucket of `burst` tokens, one more every `interval` milliseconds (Bucket4j's greedy
-- refill), kept as the time at which the bucket will be full again (GCRA, as the memory
-- store's TokenBuckets): a token may be taken when the bucket holds a whole one, which moves
-- that time one interval on. Answers 0 when a token was taken, else the microseconds until one
-- can be (at least 1). The key expires when the bucket is full again, so an idle bucket costs
-- nothing. An interval of 0 is no limit.
local function take_token(key, now, interval, burst)
  if interval <= 0 then
    return 0
  end
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
