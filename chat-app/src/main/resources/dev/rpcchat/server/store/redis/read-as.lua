-- A whole receive_messages read in one step, for a Redis whose keys are all on one server
-- (not a Cluster): renews the token's session (session.lua, put before this script) and, if
-- it is the reader's, reads as read.lua (put after this script).
-- KEYS: room, members, cursors, floors, log (slot of the room), token, expiries ({users})
-- ARGV: userKey, afterId or '', nowMillis, expiresAtMillis
if not renew_session(KEYS[6], KEYS[7], tonumber(ARGV[3]), tonumber(ARGV[4]), ARGV[1]) then
  return {'UNAUTHORIZED'}
end
