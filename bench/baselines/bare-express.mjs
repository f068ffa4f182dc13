// The baseline for web-health.mjs: a bare Express 5 app answering GET /health with a body of the same shape as
// the web app's, and nothing else (no helmet, CORS, request ids, logging or host check).
import express from 'express';

const app = express();
app.get('/health', (_request, response) => {
  response.json({ status: 'ok', info: {}, error: {}, details: {} });
});
const server = app.listen(Number(process.argv[2]), () =>
  process.stdout.write('bare express listening\n'),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
