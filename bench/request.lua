-- One request, repeated: method, body and headers from the environment (set by bench/run.sh).
--   BENCH_METHOD (default GET), BENCH_BODY, BENCH_COOKIE, BENCH_CSRF (X-XSRF-TOKEN), BENCH_ORIGIN
dofile(os.getenv("BENCH_DIR") .. "/summary.lua")

local function env(name)
   local v = os.getenv(name)
   if v ~= nil and v ~= "" then return v end
   return nil
end

wrk.method = env("BENCH_METHOD") or "GET"
wrk.headers["Accept"] = "application/json"
if env("BENCH_BODY") then
   wrk.body = env("BENCH_BODY")
   wrk.headers["Content-Type"] = "application/json"
end
if env("BENCH_COOKIE") then wrk.headers["Cookie"] = env("BENCH_COOKIE") end
if env("BENCH_CSRF") then wrk.headers["X-XSRF-TOKEN"] = env("BENCH_CSRF") end
if env("BENCH_ORIGIN") then wrk.headers["Origin"] = env("BENCH_ORIGIN") end
