-- contrib/cluster-mix.lua: a small workload for "contrib/cluster bench
-- --script" (its default is contrib/mix.lua, whole residents), for wrk:
-- the home page, a role's page and the verification page of one code, in
-- turn. The code's path is given in the environment:
--   BENCH_CODE=/v/TOKEN wrk -s contrib/cluster-mix.lua http://127.0.0.1:8090/
local paths = { "/", "/quiz/citizen" }
local n = 0

if os.getenv("BENCH_CODE") and os.getenv("BENCH_CODE") ~= "" then
	paths[#paths + 1] = os.getenv("BENCH_CODE")
end

function request()
	n = n % #paths + 1
	return wrk.format("GET", paths[n])
end
