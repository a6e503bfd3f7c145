-- Shared by pages.lua and saves.lua: one JSON line with what bench.py needs.
local M = {}

function M.read_lines(path)
  local lines = {}
  for line in io.lines(path) do
    if #line > 0 then
      local fields = {}
      for field in string.gmatch(line, "[^\t]+") do fields[#fields + 1] = field end
      lines[#lines + 1] = fields
    end
  end
  return lines
end

function M.done(summary, latency)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, "max_us": %d, "status_errors": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    e.status, e.connect + e.read + e.write + e.timeout))
end

return M
