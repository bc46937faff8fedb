// Starts @vercel/cosmosdb-server for the tests: HTTPS on 127.0.0.1, port 0, prints the port on stdout.
"use strict";

// The server answers 500 when a point read misses (it dereferences the missing item); real Cosmos DB
// answers 404, so the read handler is wrapped before the routes table captures it.
const readDocument = require("@vercel/cosmosdb-server/lib/handler/read-document");
const readOriginal = readDocument.default;
readDocument.default = (account, req, res, params) => {
  try {
    return readOriginal(account, req, res, params);
  } catch (err) {
    if (!(err instanceof TypeError)) throw err;
    res.statusCode = 404;
    return { code: "NotFound", message: "Entity with the specified id does not exist in the system." };
  }
};

const { createHttpsServer } = require("@vercel/cosmosdb-server");

// Keep-alive: without it every SDK request pays a TLS handshake (measured 15x slower).
const server = createHttpsServer({ keepAlive: true });
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${server.address().port}\n`);
});

const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
