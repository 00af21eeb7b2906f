/**
 * The application services the edges (HTTP, MCP, CLI) talk to, and the only way in from there: asking, tracing,
 * the corpus's records, the laws and the planner, exports and SPARQL. Each service holds the stores and stages it
 * needs; the edges hold only services and the typed records of {@code api}.
 */
package org.scalingatlas.app;
