-- GET requests from a list of "path<TAB>cookie" lines, in turn, so that each page is
-- asked for by several users of several coalitions.  wrk -s pages.lua URL -- FILE
package.path = debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua;" .. package.path
local report = require("report")
local counter = 0
local threads = {}
local targets, next_index

function setup(thread)
  counter = counter + 1
  thread:set("offset", counter)
  table.insert(threads, thread)
end

function init(args)
  targets = report.read_lines(args[1])
  next_index = (offset or 1) % #targets
end

function request()
  local t = targets[next_index + 1]
  next_index = (next_index + 1) % #targets
  return wrk.format("GET", t[1], { ["Cookie"] = t[2] })
end

done = report.done
