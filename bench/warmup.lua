-- JVM warm-up: the measured requests in turn. Notes are posted by a separate warm-up user so that
-- the measured user's GET /api/notes keeps a short list.
--   BENCH_COOKIE (measured user), BENCH_WARM_COOKIE and BENCH_WARM_CSRF (warm-up user), BENCH_ORIGIN
dofile(os.getenv("BENCH_DIR") .. "/summary.lua")

local requests = {}
local i = 0

function init(args)
   local cookie = os.getenv("BENCH_COOKIE")
   local json = "application/json"
   requests = {
      wrk.format("GET", "/api/auth/session", { Accept = json }),
      wrk.format("GET", "/api/auth/session", { Accept = json, Cookie = cookie }),
      wrk.format("GET", "/api/notes", { Accept = json, Cookie = cookie }),
      wrk.format("POST", "/api/notes", {
         Accept = json,
         ["Content-Type"] = json,
         Cookie = os.getenv("BENCH_WARM_COOKIE"),
         ["X-XSRF-TOKEN"] = os.getenv("BENCH_WARM_CSRF"),
         Origin = os.getenv("BENCH_ORIGIN"),
      }, '{"text":"warm-up note"}'),
   }
end

function request()
   i = i % #requests + 1
   return requests[i]
end
