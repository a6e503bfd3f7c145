-- Answers to a questionnaire, each from a browser of its own. Each line of the file is one
-- respondent: "path<TAB>cookie<TAB>body" (made by vragenlijsten.py: a fresh device cookie and
-- the form's secret masked from it). Every request sends the next respondent once; when the
-- file is used up, a cheap page is asked instead (and counted apart). wrk -s answers.lua URL -- FILE THREADS
package.path = debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua;" .. package.path
local report = require("report")
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_number", counter)
end

local mine, next_one, spare

function init(args)
  local all = report.read_lines(args[1])
  local threads = tonumber(args[2])
  mine, next_one, spare = {}, 1, 0
  for i, fields in ipairs(all) do
    if (i - 1) % threads == (thread_number or 1) - 1 then mine[#mine + 1] = fields end
  end
end

function request()
  local r = mine[next_one]
  if r == nil then
    spare = spare + 1
    return wrk.format("GET", "/livez")
  end
  next_one = next_one + 1
  return wrk.format("POST", r[1], {["Cookie"] = r[2], ["Content-Type"] = "application/x-www-form-urlencoded"}, r[3])
end

function done(summary, latency, requests)
  report.done(summary, latency)
end
