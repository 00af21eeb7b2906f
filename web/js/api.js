// The JSON API, with one error type that carries the server's own message.

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

async function request(path, options) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: "application/json", "Content-Type": "application/json" }, ...options });
  } catch (error) {
    throw new ApiError("The server cannot be reached right now. Is ./atlas serve running?", 0);
  }
  let body = null;
  try {
    body = await response.json();
  } catch (error) {
    if (response.ok) throw new ApiError("The server sent an answer that is not JSON.", response.status);
  }
  if (!response.ok) {
    throw new ApiError(body && body.error ? body.error : "The server answered " + response.status + ".", response.status);
  }
  return body;
}

export function getJson(path) {
  return request(path, { method: "GET" });
}

export function postJson(path, body) {
  return request(path, { method: "POST", body: JSON.stringify(body) });
}
