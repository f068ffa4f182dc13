// The baseline for web-health.mjs: a bare Express 5 app answering GET /health with the same body as the web app's
// liveness endpoint, and nothing else, listening on the port given as the first argument.
import express from 'express';

const app = express();
app.get('/health', (_request, response) => {
  response.json({ status: 'ok' });
});
const server = app.listen(Number(process.argv[2]), () =>
  process.stdout.write('bare express listening\n'),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
