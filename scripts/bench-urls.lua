-- wrk script for scripts/bench (P1): requests the paths listed in $BENCH_PATHS in turn, over and
-- over for wrk's duration; prints one WRK line (requests, microseconds) that the driver reads.
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do paths[#paths + 1] = line end
local sent = 0

request = function()
  sent = sent + 1
  return wrk.format("GET", paths[((sent - 1) % #paths) + 1], { ["Accept"] = "application/xml" })
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK requests=%d duration_us=%d errors=%d\n", summary.requests, summary.duration,
    e.connect + e.read + e.write + e.status + e.timeout))
end
