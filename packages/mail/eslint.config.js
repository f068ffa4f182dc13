import { baseConfig } from '@repo/eslint-config/base';

export default baseConfig({ tsconfigRootDir: import.meta.dirname });
