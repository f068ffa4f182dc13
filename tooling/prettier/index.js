/** Shared Prettier options: every package points its `prettier` field here. */
export default {
  printWidth: 100,
  singleQuote: true,
  trailingComma: 'all',
};
