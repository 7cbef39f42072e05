-- wrk script: every request asks for a different cache key (an unknown "problem" word, which the page
-- ignores), so the availability page is built from scratch each time: the cost of a cache miss.
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/book/times?treatment=deep-tissue&therapist=any&problem=miss" .. counter .. "x" .. math.random(1, 1000000000))
end
