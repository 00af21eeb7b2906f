/**
 * The typed records the application's edges answer with, and the requests they take: one definition of each JSON
 * shape, shared by the HTTP API and the MCP server so that both give the same JSON and read a request the same way.
 * Records only: no behaviour beyond building one from the corpus's values, or a request from its parsed JSON (plain
 * maps, lists, strings, numbers; no JSON library here) with its field names, defaults and checks
 * ({@link org.scalingatlas.api.LawRunRequest}, {@link org.scalingatlas.api.CurveRequest},
 * {@link org.scalingatlas.api.FitRequest}, {@link org.scalingatlas.api.PlanRequest}; a bad one is a
 * {@link org.scalingatlas.api.RequestException} saying what is wrong).
 */
package org.scalingatlas.api;
