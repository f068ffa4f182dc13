// The baseline for web-boot.mjs: a bare Nest app (@nestjs/core on platform-express, one controller, Nest's
// defaults otherwise), listening on the port given as the first argument. Plain JavaScript, so decorators are
// applied as the functions they are.
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';

class HealthController {
  health() {
    return { status: 'ok' };
  }
}
Controller()(HealthController);
Get('health')(
  HealthController.prototype,
  'health',
  Object.getOwnPropertyDescriptor(HealthController.prototype, 'health'),
);

class AppModule {}
Module({ controllers: [HealthController] })(AppModule);

const app = await NestFactory.create(AppModule, new ExpressAdapter(), {
  logger: ['error', 'warn'],
});
app.enableShutdownHooks(['SIGTERM']);
await app.listen(Number(process.argv[2]), '127.0.0.1');
process.stdout.write('bare nest listening\n');
