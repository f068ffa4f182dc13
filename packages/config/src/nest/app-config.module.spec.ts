import 'reflect-metadata';
import { Injectable, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import { describe, expect, it } from 'vitest';
import type { Config } from '../config-object.js';
import { ConfigError } from '../problems.js';
import { productionVariables, temporaryFolder } from '../testing/fixtures.js';
import { AppConfigModule } from './app-config.module.js';
import { APP_CONFIG, InjectConfig } from './config.tokens.js';

@Injectable()
class PortReader {
  constructor(@InjectConfig() readonly config: Config) {}
}

@Module({ providers: [PortReader] })
class FeatureModule {}

async function compile(variables: Record<string, string | undefined>) {
  const folder = temporaryFolder();
  return Test.createTestingModule({
    imports: [
      AppConfigModule.forRoot({ load: { env: variables, envDir: folder, cwd: folder } }),
      FeatureModule,
    ],
  }).compile();
}

describe('AppConfigModule', () => {
  it('injects the validated config into any module', async () => {
    const moduleRef = await compile(productionVariables());
    const reader = moduleRef.get(PortReader);
    expect(reader.config.http.port).toBe(8080);
    expect(reader.config).toBe(moduleRef.get(APP_CONFIG));
    await moduleRef.close();
  });

  it('exposes the same values through ConfigService, without falling back to process.env', async () => {
    const moduleRef = await compile(productionVariables());
    const service = moduleRef.get(ConfigService);
    expect(service.get('app.http.port')).toBe(8080);
    expect(service.get('app.features.newCheckout')).toBe(false);
    expect(service.get('PATH')).toBeUndefined();
    await moduleRef.close();
  });

  it('refuses to build with every problem listed', () => {
    const build = () =>
      AppConfigModule.forRoot({
        load: {
          env: { ...productionVariables(), DEBUG: 'true', PORT: 'x' },
          envDir: temporaryFolder(),
        },
      });
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(/\(2 problems\):\n {2}DEBUG \[debug-off\] .+\n {2}PORT \[integer\] /);
  });
});
