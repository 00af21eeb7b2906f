-- wrk script for the outside-client ask benchmark (BENCHMARKS.md): cycles through tests/bench/outside-questions.txt,
-- or the file named by ATLAS_QUESTIONS (tests/bench/allocation-questions.txt for the plan inline).
local questions = {}
for line in io.lines(os.getenv("ATLAS_QUESTIONS") or "tests/bench/outside-questions.txt") do
  if line ~= "" and line:sub(1, 1) ~= "#" then
    questions[#questions + 1] = line:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end)
  end
end
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/api/ask?q=" .. questions[(n % #questions) + 1])
end
