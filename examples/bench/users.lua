-- wrk script: each request comes from one of 2,000 employees in turn (X-Remote-User, trusted from loopback).
-- LoadTestServer seeds 5 comments and a vote and a reaction from employee0..employee199: one view in ten is
-- by someone who took part on the page, the rest by readers.
local n = 0
request = function()
  n = n + 1
  wrk.headers["X-Remote-User"] = "employee" .. (n % 2000)
  return wrk.format(nil)
end
