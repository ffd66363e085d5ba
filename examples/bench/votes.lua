-- wrk script for votes-vs-pgbench.sh: each of wrk's threads (-t16 -c16: one connection each) is one employee,
-- employee0..employee15, who changes their vote on the report page again and again through the widget's form
-- (no JavaScript: a 303 answers a stored vote). COQ_TOKENS names a file of "user token" lines (the CSRF tokens).
local threads = 0
function setup(thread)
  thread:set("number", threads)
  threads = threads + 1
end

local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  local wanted = "employee" .. number
  for line in io.lines(os.getenv("COQ_TOKENS")) do
    local user, token = line:match("^(%S+) (%S+)$")
    if user == wanted then
      me, csrf = user, token
    end
  end
  -- the employee's two requests (vote up, vote down), made once: the load generator's own work per vote stays small
  local page = os.getenv("COQ_PAGE")
  local function form(value)
    local body = "coq_csrf=" .. encode(csrf) .. "&coq_page=" .. encode(page) .. "&coq_return=" .. encode("/on" .. page)
        .. "&coq_vote=" .. value
    return wrk.format("POST", "/on/_coquille/form/vote", {
      ["X-Remote-User"] = me,
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["Origin"] = "http://" .. wrk.host .. ":" .. wrk.port,
    }, body)
  end
  requests = { form(1), form(-1) }
  turn = 1
end

function request()
  turn = 3 - turn
  return requests[turn]
end
