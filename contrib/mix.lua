-- contrib/mix.lua: a wrk script of residents going through the whole
-- flow again and again: home page, a role's page, the location step
-- (the browser's position or a street chosen by hand), every question
-- page and its answer, the submission, the result, on a pass the code's
-- page, its badge and verification scans; then a new resident with a new
-- cookie. contrib/load runs it; see README, Performance.
--
-- wrk's Lua has no connection identity: run one connection per thread
-- (wrk -tN -cN), so that each thread's Lua state is one resident, and
-- request() and response() alternate.
--
-- Environment (read by every thread):
--   MIX_DATA    a Lua file returning { answers = { [stem] = { right
--               option texts } }, points = { { lng, lat }, ... } }
--               (contrib/load writes it from the database)
--   MIX_WRONG   share of residents who answer at random (default 0.15)
--   MIX_GPS     share of residents located by position (default 0.5)
--   MIX_SCANS   verification scans of each code (default 2)
--   MIX_QUIZZES quizzes to complete in all, shared among the MIX_THREADS
--               threads; a thread stops after its share (default 0:
--               until wrk's duration ends)
--   MIX_DONE    a directory: a stopped thread writes a file there
--   MIX_THINK   mean pause before each request in ms (default 0)
--   MIX_XFF     set: each resident comes from an address of its own
--               (X-Forwarded-For, honoured by the load's nginx)
--   MIX_PART    one part of the flow, to measure it alone: once there,
--               the resident asks for the same again and again (home,
--               role, question, answer, verify); "start": new residents
--               as far as the start of their attempt (home, role, start)
--
-- A request refused with 429 is sent again (a second later when MIX_THINK
-- is set), and after ten refusals in a row the resident gives up. done()
-- prints the counts of each kind of request and response, and
-- "mix-errors N": responses other than 2xx, 3xx and 429, and pages that
-- did not say what the flow expected.

local data = dofile(os.getenv("MIX_DATA"))
local answers, points = data.answers, data.points
local wrong_share = tonumber(os.getenv("MIX_WRONG") or "0.15")
local gps_share = tonumber(os.getenv("MIX_GPS") or "0.5")
local scans = tonumber(os.getenv("MIX_SCANS") or "2")
local quizzes = tonumber(os.getenv("MIX_QUIZZES") or "0")
local nthreads = tonumber(os.getenv("MIX_THREADS") or "1")
local quota = 0
local done_dir = os.getenv("MIX_DONE")
local think = tonumber(os.getenv("MIX_THINK") or "0")
local xff = os.getenv("MIX_XFF")
local part = os.getenv("MIX_PART")

-- Roles in the proportions a district's residents come in.
local roles = { "citizen", "citizen", "citizen", "citizen", "employee",
    "employee", "employee", "student", "student", "landlord",
    "responsible" }

local kinds = { "home", "role", "start", "question", "answer", "result",
    "code", "badge", "verify" }

-- Counters, read by done() through thread:get().
counts = {}
for _, k in ipairs(kinds) do counts[k] = 0 end
statuses = {}
errors = 0
started, passed, failed, refused, gave_up, outside = 0, 0, 0, 0, 0, 0
stopped = false
first_error = ""

-- The threads, in the main state; each thread's own "id" is set there.
local threads = {}
local st = {}
id = 0

function setup(thread)
	table.insert(threads, thread)
	thread:set("id", #threads)
end

function init(args)
	math.randomseed(os.time() * 1000 + id * 7919)
	-- A few draws first: LuaJIT's first numbers vary little with the seed.
	for _ = 1, 10 do math.random() end
	st = { step = "home" }
	quota = math.floor(quizzes / nthreads)
	if id <= quizzes % nthreads then quota = quota + 1 end
end

local function fail(why)
	errors = errors + 1
	if first_error == "" then first_error = why end
	st = { step = "home" }
end

local function html_text(s)
	s = s:gsub("\194\160", " ")
	s = s:gsub("&lt;", "<"):gsub("&gt;", ">"):gsub("&quot;", '"')
	s = s:gsub("&#(%d+);", function(n)
		n = tonumber(n)
		if n < 128 then return string.char(n) end
		return nil
	end)
	return (s:gsub("&amp;", "&"))
end

local function path_of(location)
	return location and location:gsub("^https?://[^/]+", "")
end

local function urlencode(s)
	return (s:gsub("[^%w%-_%.~]", function(c)
		return string.format("%%%02X", c:byte())
	end))
end

local function headers()
	local h = {}
	if st.cookie then h["Cookie"] = st.cookie end
	if st.addr then h["X-Forwarded-For"] = st.addr end
	return h
end

local function post(path, body)
	local h = headers()
	h["Content-Type"] = "application/x-www-form-urlencoded"
	return wrk.format("POST", path, h, body)
end

local function new_resident()
	st = { step = "home", role = roles[math.random(#roles)],
	    wrong = math.random() < wrong_share,
	    gps = #points > 0 and math.random() < gps_share }
	if xff then
		st.addr = string.format("10.%d.%d.%d", math.random(0, 255),
		    math.random(0, 255), math.random(1, 254))
	end
end

-- What the resident asks for next.
function request()
	local s = st.step
	if s == "home" then
		new_resident()
		st.step = "home"
		return wrk.format("GET", "/", headers())
	elseif s == "role" then
		return wrk.format("GET", "/quiz/" .. st.role, headers())
	elseif s == "start" then
		local where
		if st.gps then
			local p = points[math.random(#points)]
			where = string.format("lng=%.6f&lat=%.6f", p[1], p[2])
		else
			where = "region=" .. st.regions[math.random(#st.regions)]
		end
		return post("/quiz/" .. st.role .. "/start",
		    "csrf=" .. st.csrf .. "&" .. where)
	elseif s == "question" then
		return wrk.format("GET", st.base .. st.k, headers())
	elseif s == "answer" then
		return post(st.base .. st.k, st.form)
	elseif s == "result" then
		return wrk.format("GET", st.base .. "result", headers())
	elseif s == "code" then
		return wrk.format("GET", "/my/" .. st.code_id, headers())
	elseif s == "badge" then
		return wrk.format("GET", st.verify .. "/badge-card.png",
		    headers())
	elseif s == "verify" then
		-- An inspector's phone: no cookie of the holder's.
		local h = {}
		if st.addr then h["X-Forwarded-For"] = st.addr end
		return wrk.format("GET", st.verify, h)
	end
end

-- The answer form of a question page.
local function answer_form(body)
	local stem = body:match('<legend><span class="qtype[^"]*">[^<]*' ..
	    '</span>(.-)</legend>')
	if not stem then return nil, "no question on page " .. st.k end
	stem = html_text(stem)
	local opts, n = {}, 0
	for pos, text in body:gmatch('<input name="o" value="(%d)"[^>]*>' ..
	    '<span class="opt%-key">[^<]*</span>' ..
	    '<span class="opt%-text">(.-)</span>') do
		opts[html_text(text)] = pos
		n = n + 1
	end
	local right = answers[stem]
	if not right or n == 0 then return nil, "unknown question: " .. stem end
	local picks = {}
	if st.wrong and math.random() < 0.5 then
		local all = {}
		for _, pos in pairs(opts) do table.insert(all, pos) end
		picks = { all[math.random(#all)] }
	else
		for _, text in ipairs(right) do
			if not opts[text] then
				return nil, "option not shown: " .. text
			end
			table.insert(picks, opts[text])
		end
	end
	local last = body:find('value="submit" class="button">', 1, true)
	local form = "csrf=" .. st.csrf
	for _, pos in ipairs(picks) do form = form .. "&o=" .. pos end
	return form .. "&go=" .. (last and "submit" or "next")
end

-- Each step's check of its response; returns the next step.
local handle = {}

handle.home = function(status)
	return status == 200 and "role"
end

handle.role = function(status, h, body)
	local c = h["Set-Cookie"] or h["set-cookie"]
	st.cookie = c and c:match("^(bc_sid=[^;]+)") or st.cookie
	st.csrf = body:match('name="csrf" value="([^"]*)"')
	st.regions = {}
	for v in body:gmatch('<option value="(%d+)">') do
		table.insert(st.regions, v)
	end
	if status ~= 200 or not st.cookie or not st.csrf or
	    #st.regions == 0 then
		return nil, "role page without cookie, csrf or streets"
	end
	st.csrf = urlencode(st.csrf)
	return "start"
end

handle.start = function(status, h, body)
	if status == 200 and st.gps and
	    body:find('name="region"', 1, true) then
		-- The position fell outside every street (a point near a
		-- border, as GCJ-02 shifts it): choose by hand, as a
		-- resident would.
		outside = outside + 1
		st.gps = false
		return "start"
	end
	local loc = path_of(h["Location"])
	st.base = status == 303 and loc and loc:match("^(/quiz/a/[%w_-]+/)1$")
	if not st.base then return nil, "start answered " .. status end
	started = started + 1
	st.k = 1
	return "question"
end

handle.question = function(status, h, body)
	if status ~= 200 then return nil, "question page " .. status end
	local form, why = answer_form(body)
	if not form then return nil, why end
	st.form = form
	return "answer"
end

handle.answer = function(status, h)
	local loc = path_of(h["Location"])
	if status ~= 303 or not loc then
		return nil, "answer answered " .. status
	end
	if loc == st.base .. "result" then return "result" end
	st.k = st.k + 1
	if loc ~= st.base .. st.k then return nil, "answer went to " .. loc end
	return "question"
end

handle.result = function(status, h, body)
	if status ~= 200 then return nil, "result " .. status end
	st.code_id = body:match('href="/my/(%d+)"')
	if not st.code_id then
		failed = failed + 1
		return "home"
	end
	passed = passed + 1
	return "code"
end

handle.code = function(status, h, body)
	st.verify = body:match('href="(/v/[%w_-]+)"')
	if status ~= 200 or not st.verify then
		return nil, "code page " .. status
	end
	return "badge"
end

handle.badge = function(status, h)
	if status ~= 200 then return nil, "badge " .. status end
	st.scans = 0
	return scans > 0 and "verify" or "home"
end

handle.verify = function(status)
	if status ~= 200 then return nil, "verification " .. status end
	st.scans = st.scans + 1
	return st.scans < scans and "verify" or "home"
end

local function finish()
	stopped = true
	if done_dir then
		local f = io.open(done_dir .. "/thread-" .. id, "w")
		if f then f:write(passed + failed, "\n") f:close() end
	end
	wrk.thread:stop()
end

function response(status, h, body)
	local s = st.step
	counts[s] = counts[s] + 1
	statuses[status] = (statuses[status] or 0) + 1
	if status == 429 then
		-- A deliberate refusal (a rate limit): as a person would, the
		-- resident sends the same again a second later, and gives up
		-- after ten refusals in a row.
		refused = refused + 1
		st.retries = (st.retries or 0) + 1
		if st.retries > 10 then
			gave_up = gave_up + 1
			st = { step = "home" }
		else
			st.wait = 1000
		end
		return
	end
	st.retries = 0
	if status < 200 or status >= 400 then
		return fail(s .. ": status " .. status)
	end
	local k = st.k
	local next, why = handle[s](status, h, body)
	if not next then return fail(s .. ": " .. (why or "unexpected")) end
	if part == "start" and next == "question" then
		next = "home"
	elseif part == s then
		next, st.k = s, k
	end
	st.step = next
	if next == "home" and quizzes > 0 and passed + failed >= quota then
		finish()
	end
end

-- The pause before a request: the thinking time, and a second more after
-- a refusal. Without thinking time there is no pause at all (wrk then
-- sends each request as soon as it can), and a refused request is sent
-- again at once.
if think > 0 then
	function delay()
		local w = math.floor(think * (0.5 + math.random()))
		w = w + (st.wait or 0)
		st.wait = nil
		return w
	end
end

function done(summary, latency, requests)
	local total = { counts = {}, statuses = {} }
	for _, k in ipairs(kinds) do total.counts[k] = 0 end
	local sums = { errors = 0, started = 0, passed = 0, failed = 0,
	    refused = 0, gave_up = 0, outside = 0 }
	local why = ""
	for _, t in ipairs(threads) do
		for k, v in pairs(t:get("counts")) do
			total.counts[k] = total.counts[k] + v
		end
		for k, v in pairs(t:get("statuses")) do
			total.statuses[k] = (total.statuses[k] or 0) + v
		end
		for k in pairs(sums) do sums[k] = sums[k] + t:get(k) end
		if why == "" then why = t:get("first_error") end
	end
	io.write("mix-requests")
	for _, k in ipairs(kinds) do
		io.write(string.format(" %s=%d", k, total.counts[k]))
	end
	io.write("\nmix-statuses")
	for k, v in pairs(total.statuses) do
		io.write(string.format(" %s=%d", k, v))
	end
	io.write(string.format("\nmix-quizzes started=%d passed=%d failed=%d " ..
	    "refused=%d gave-up=%d gps-outside=%d\n", sums.started,
	    sums.passed, sums.failed, sums.refused, sums.gave_up,
	    sums.outside))
	io.write(string.format("mix-latency p50=%.1f p99=%.1f max=%.1f ms\n",
	    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
	    latency.max / 1000))
	io.write(string.format("mix-socket-errors connect=%d read=%d " ..
	    "write=%d timeout=%d\n", summary.errors.connect,
	    summary.errors.read, summary.errors.write, summary.errors.timeout))
	io.write(string.format("mix-errors %d%s\n", sums.errors +
	    summary.errors.connect + summary.errors.read +
	    summary.errors.write + summary.errors.timeout,
	    why ~= "" and " (first: " .. why .. ")" or ""))
end
