// Calls to the PharmaBot API: JSON requests, the stable error body, and the chat event stream.

const KEY_STORAGE = "pharmabot.apiKey";

export function getApiKey() {
  return localStorage.getItem(KEY_STORAGE) || "";
}

export function setApiKey(key) {
  if (key) localStorage.setItem(KEY_STORAGE, key);
  else localStorage.removeItem(KEY_STORAGE);
}

/** An error answered by the API ({"error": {code, message, request_id, details}}) or by the network. */
export class ApiError extends Error {
  constructor(status, code, message, { details = null, requestId = null, retryAfter = null } = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
    this.retryAfter = retryAfter;
  }
}

/** A sentence for the person, from any error a call threw. */
export function errorText(error) {
  if (error instanceof ApiError) {
    if (error.status === 429 && error.retryAfter) return `${error.message} You can try again in ${error.retryAfter} s.`;
    return error.message;
  }
  return "Something went wrong. Please try again.";
}

function headers(json) {
  const result = { Accept: json ? "application/json" : "text/event-stream" };
  const key = getApiKey();
  if (key) result["X-API-Key"] = key;
  return result;
}

async function toApiError(response) {
  let error = {};
  try {
    const body = await response.json();
    if (body && typeof body.error === "object" && body.error) error = body.error;
  } catch {
    // Not JSON (a proxy's page, say): fall back to the status line.
  }
  const retry = Number.parseInt(response.headers.get("Retry-After") || "", 10);
  return new ApiError(
    response.status,
    typeof error.code === "string" ? error.code : `http_${response.status}`,
    typeof error.message === "string" ? error.message : `The request failed (HTTP ${response.status}).`,
    { details: error.details ?? null, requestId: error.request_id ?? null, retryAfter: Number.isFinite(retry) ? retry : null },
  );
}

async function send(path, { method = "GET", body, signal, json = true } = {}) {
  const init = { method, headers: headers(json), signal, credentials: "same-origin", cache: "no-store" };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw new ApiError(0, "network_error", "Could not reach the PharmaBot server. Check that it is running.");
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

/** GET or send JSON, return the parsed JSON body; throws ApiError. */
export async function apiJson(path, options = {}) {
  const response = await send(path, options);
  return response.json();
}

/** POST a chat message; returns the streaming Response (errors before the stream throw ApiError). */
export function openChat(body, signal) {
  return send("/api/chat", { method: "POST", body, signal, json: false });
}

/** Parse one SSE block (lines between blank lines) into {event, data}, or null for heartbeats. */
export function parseSseBlock(block) {
  let event = "message";
  const data = [];
  for (const line of block.split("\n")) {
    if (line === "" || line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
  }
  return data.length ? { event, data: data.join("\n") } : null;
}

/** The server-sent events of a fetch Response, as they arrive (EventSource cannot POST). */
export async function* readEvents(response) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let held = ""; // a trailing "\r" whose "\n" may come in the next chunk
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      const raw = held + value;
      held = raw.endsWith("\r") ? "\r" : "";
      buffer += (held ? raw.slice(0, -1) : raw).replace(/\r\n?/g, "\n");
      let end;
      while ((end = buffer.indexOf("\n\n")) !== -1) {
        const parsed = parseSseBlock(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (parsed) yield parsed;
      }
    }
    const last = parseSseBlock(buffer + (held ? "\n" : ""));
    if (last) yield last;
  } finally {
    reader.releaseLock();
  }
}
