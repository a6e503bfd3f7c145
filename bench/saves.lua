-- Saves of bouwblad steps. Each line is one step: "key<TAB>path<TAB>cookie<TAB>body1<TAB>body2…",
-- where body k holds the k-th text and the hash of text k-1 as its base (made by bench.py),
-- so every save is a real change that passes the edit-conflict check. A step is sent again
-- only after its previous answer came back (the 303 names the step), so no save races
-- another on the same step.                    wrk -s saves.lua URL -- FILE
package.path = debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua;" .. package.path
local report = require("report")
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_number", counter)
end

local steps, free, round, by_key

function init(args)
  local all = report.read_lines(args[1])
  local threads = tonumber(args[2])
  steps, free, round, by_key = {}, {}, {}, {}
  for i, fields in ipairs(all) do
    -- Each thread has its own steps: two threads never save the same one.
    if (i - 1) % threads == (thread_number or 1) - 1 then
      steps[#steps + 1] = fields
      by_key[fields[1]] = fields
      round[fields[1]] = 4
      free[#free + 1] = fields[1]
    end
  end
end

function request()
  local key = table.remove(free, 1)
  if key == nil or round[key] > #by_key[key] then
    -- Every step is in flight or used up: ask for a cheap page instead (counted apart by bench.py).
    return wrk.format("GET", "/livez")
  end
  local s = by_key[key]
  local body = s[round[key]]
  round[key] = round[key] + 1
  return wrk.format("POST", s[2], { ["Cookie"] = s[3], ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

function response(status, headers, body)
  local location = headers["Location"] or headers["location"]
  local key = location and location:match("#stap%-(.+)$")
  if key and by_key[key] then free[#free + 1] = key end
end

done = report.done
