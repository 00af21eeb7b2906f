// Drives `./atlas mcp` (or the java command given) with the official TypeScript SDK's client over stdio, as an
// independent MCP client: the handshake, tools/list with output schemas, ask and law_evaluate with "70B" (the client
// itself checks structured content against each tool's output schema), a refusal, the research prompt and the
// resources. Prints one JSON summary on stdout; the Java test McpNodeClientTest asserts on it.
//
//   node mcp-client.mjs COMMAND [ARGS...]      e.g. node mcp-client.mjs ../../atlas mcp
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { readFileSync } from 'node:fs';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node mcp-client.mjs COMMAND [ARGS...]');
  process.exit(2);
}
const sdkVersion = JSON.parse(readFileSync(new URL('./node_modules/@modelcontextprotocol/sdk/package.json', import.meta.url))).version;
// a first start builds the index: give the calls that wait for it more than the client's 60 s default
const slow = { timeout: 240_000 };

const transport = new StdioClientTransport({ command, args, env: { ...process.env }, stderr: 'inherit' });
let negotiated = null;
transport.setProtocolVersion = (version) => { negotiated = version; };
const client = new Client({ name: 'scaling-atlas-node-check', version: '1.0.0' });

const started = performance.now();
await client.connect(transport);
const initializeMs = Math.round(performance.now() - started);

const summary = { sdkVersion, requested: LATEST_PROTOCOL_VERSION, negotiated, initializeMs, server: client.getServerVersion() };
try {
  const { tools } = await client.listTools();
  summary.tools = Object.fromEntries(tools.map((t) => [t.name, {
    outputSchema: t.outputSchema?.type ?? null,
    outputRequired: t.outputSchema?.required ?? [],
  }]));

  // callTool validates structuredContent against the tool's outputSchema and throws when it does not conform
  const ask = await client.callTool({ name: 'ask', arguments: { question: 'Does depth matter more than width for tiny language models?' } }, undefined, slow);
  summary.ask = {
    isError: ask.isError ?? false,
    verdict: ask.structuredContent?.verdict,
    notes: ask.structuredContent?.notes?.length ?? 0,
    textEqualsStructured: JSON.stringify(JSON.parse(ask.content[0].text)) === JSON.stringify(ask.structuredContent),
  };

  const law = await client.callTool({ name: 'law_evaluate', arguments: { law: 'chinchilla-parametric-loss', inputs: { N: '70B', D: '1.4T' } } }, undefined, slow);
  summary.lawEvaluate = { isError: law.isError ?? false, inputs: law.structuredContent?.inputs, loss: law.structuredContent?.outputs?.loss };

  const bad = await client.callTool({ name: 'law_evaluate', arguments: { law: 'chinchilla-parametric-loss', inputs: { N: 'lots' } } }, undefined, slow);
  summary.refusal = { isError: bad.isError ?? false, structured: bad.structuredContent ?? null, error: JSON.parse(bad.content[0].text).error };

  const { prompts } = await client.listPrompts();
  const research = await client.getPrompt({ name: 'research', arguments: { question: 'Does depth matter more than width for tiny language models?' } }, slow);
  summary.prompt = { names: prompts.map((p) => p.name), messages: research.messages.length, text: research.messages[0]?.content?.text?.slice(0, 80) };

  const { resourceTemplates } = await client.listResourceTemplates();
  const { resources } = await client.listResources();
  summary.resources = { templates: resourceTemplates.map((t) => t.uriTemplate), listed: resources.length };
} finally {
  await client.close();
}
console.log(JSON.stringify(summary));
