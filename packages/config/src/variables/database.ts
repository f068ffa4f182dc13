import { APP_ENVIRONMENTS } from '../environments.js';
import { urlValue } from './value-types.js';
import { defineVariable } from './variable.js';

export const databaseVariables = {
  DATABASE_URL: defineVariable(urlValue(['postgres', 'postgresql']), {
    description: 'PostgreSQL connection string. Its password is masked everywhere it is shown.',
    example: 'postgres://ladder:****@db.internal:5432/ladder',
    requiredIn: APP_ENVIRONMENTS,
    apps: ['web', 'worker'],
    sensitive: true,
    configPath: 'database.url',
    resource: 'url',
    group: 'database',
    exampleFiles: {
      development: 'postgres://ladder:ladder@localhost:5432/ladder_dev',
      staging: 'postgres://ladder:CHANGE_ME@CHANGE_ME.internal:5432/ladder',
      production: 'postgres://ladder:CHANGE_ME@CHANGE_ME.internal:5432/ladder',
    },
  }),
};
