// Time from process start to the answer to `initialize`, for `./atlas mcp` with a built data folder (run
// `./atlas index` first): RUNS timed starts after one untimed warm-up start, each then asked one tool call (the
// time until it answers is the rest of the loading), and the median of each, with the server's CPU time by the
// handshake (Linux), which depends less on other work on the machine than wall time does.
//
//   node tests/js/mcp-handshake.mjs [RUNS] [COMMAND ARGS...]      default: 5 runs of ../../atlas mcp
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [runsArg, ...commandArgs] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`mcp-handshake.mjs: RUNS must be a positive whole number, got '${runsArg}'`);
  process.exit(2);
}
const [command, ...args] = commandArgs.length > 0 ? commandArgs : [fileURLToPath(new URL('../../atlas', import.meta.url)), 'mcp'];

/** CPU time (user + system, all threads) the process has used so far, in ms; null off Linux. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime in clock ticks of 10 ms
  } catch {
    return null;
  }
}

/** One start: milliseconds to the initialize answer, and to the answer of a first tool call. */
function once() {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'ignore'] });
    const times = {};
    let buffered = '';
    const send = (message) => child.stdin.write(JSON.stringify({ jsonrpc: '2.0', ...message }) + '\n');
    child.on('error', reject);
    child.on('exit', (code) => (times.tool ? resolve(times) : reject(new Error(`the server exited (${code}) before answering`))));
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      let newline;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const message = JSON.parse(buffered.slice(0, newline));
        buffered = buffered.slice(newline + 1);
        if (message.id === 1) {
          times.initialize = Math.round(performance.now() - started);
          times.cpu = cpuMs(child.pid);
          times.protocol = message.result.protocolVersion;
          send({ method: 'notifications/initialized' });
          send({ id: 2, method: 'tools/call', params: { name: 'law_evaluate', arguments: { law: 'chinchilla-parametric-loss', inputs: { N: '70B', D: '1.4T' } } } });
        } else if (message.id === 2) {
          times.tool = Math.round(performance.now() - started);
          child.stdin.end();
        }
      }
    });
    send({ id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'mcp-handshake', version: '1' } } });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
await once(); // warm-up: a build, the class-data archive
const results = [];
for (let i = 0; i < runs; i++) {
  const result = await once();
  results.push(result);
  console.log(`run ${i + 1}: initialize answered after ${result.initialize} ms (protocol ${result.protocol}, server CPU time by then ${result.cpu} ms), first tool call after ${result.tool} ms`);
}
console.log(`median of ${runs}: initialize ${median(results.map((r) => r.initialize))} ms, CPU by then ${median(results.map((r) => r.cpu))} ms, first tool call ${median(results.map((r) => r.tool))} ms`);
