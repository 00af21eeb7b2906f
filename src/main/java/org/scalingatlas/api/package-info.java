/**
 * The typed records the application's edges answer with: one definition of each JSON shape, shared by the HTTP API
 * and the MCP server so that both give the same JSON. Records only: no behaviour beyond building one from the
 * corpus's values.
 */
package org.scalingatlas.api;
