import { describe, expect, it } from 'vitest';
import { devProject } from './dev-project.js';

describe('devProject', () => {
  it('gives each checkout its own compose project and volumes', () => {
    const first = devProject('/home/ana/work/my-saas');
    const second = devProject('/home/ana/work/my-saas-copy');
    expect(first.name).toMatch(/^ladder-dev-[0-9a-f]{8}$/);
    expect(second.name).not.toBe(first.name);
    expect(first.postgresVolume).toBe(`${first.name}_postgres`);
    expect(first.dataFolder).toBe('/home/ana/work/my-saas/.data');
  });

  it('is stable for the same checkout, so a second pnpm dev finds the first stack', () => {
    expect(devProject('/srv/app').name).toBe(devProject('/srv/app').name);
  });
});
